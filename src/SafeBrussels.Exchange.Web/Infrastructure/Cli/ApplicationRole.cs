using System.Text.RegularExpressions;
using Hangfire.PostgreSql;
using Hangfire.PostgreSql.Factories;
using Npgsql;
using SafeBrussels.Exchange.Web.Infrastructure.Jobs;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>
/// Two database roles for production: <c>migrate</c> runs as the owner of the schema; the application connects as a
/// role that may read and write the data but not change the schema, and may only add to the audit trail (no UPDATE,
/// DELETE or TRUNCATE on <c>audit_entries</c>, and, not being its owner, no way to switch its triggers off). The daily
/// purge goes through <c>audit_purge</c>, which runs with the owner's rights. The only tables it may create are an
/// import's staging tables, in <c>exchange_staging</c>, inside the import's transaction.
/// </summary>
internal static partial class ApplicationRole
{
    public static bool IsValidName(string name) => RoleName().IsMatch(name);

    /// <summary>Creates the job tables (the restricted role cannot) and grants <paramref name="role"/> what the application needs.</summary>
    public static async Task GrantAsync(string ownerConnectionString, string role, CancellationToken cancellationToken)
    {
        if (!IsValidName(role))
        {
            throw new CliException($"'{role}' is not a role name (lower-case letters, digits and underscores).");
        }

        // Constructing the storage installs or upgrades Hangfire's schema, as the owner.
        var options = new PostgreSqlStorageOptions { SchemaName = JobsSetup.Schema, PrepareSchemaIfNecessary = true };
        _ = new PostgreSqlStorage(new NpgsqlConnectionFactory(ownerConnectionString, options), options);

        await using var connection = new NpgsqlConnection(ownerConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_roles WHERE rolname = @role", connection))
        {
            exists.Parameters.AddWithValue("role", role);
            if (await exists.ExecuteScalarAsync(cancellationToken) is null)
            {
                throw new CliException($"The database role '{role}' does not exist: create it first (CREATE ROLE {role} LOGIN PASSWORD '…').");
            }
        }

        var schema = JobsSetup.Schema;
        await using var grant = new NpgsqlCommand(
            $"""
            GRANT USAGE ON SCHEMA public, {schema} TO {role};
            GRANT USAGE, CREATE ON SCHEMA exchange_staging TO {role};
            GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, {schema} TO {role};
            GRANT USAGE, SELECT, UPDATE ON ALL SEQUENCES IN SCHEMA public, {schema} TO {role};
            GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO {role};
            REVOKE UPDATE, DELETE, TRUNCATE ON audit_entries FROM {role};
            """, connection);
        await grant.ExecuteNonQueryAsync(cancellationToken);
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex RoleName();
}
