using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

internal sealed class MigrateCommand(ExchangeDbContext db, IConfiguration configuration) : ICliCommand
{
    public const string ApplicationRoleSetting = "Database:ApplicationRole";

    public string Usage => "migrate [--app-role ROLE]    apply pending database migrations (as the schema owner) and exit; with a role, grant it what the application needs";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "app-role" });
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {English.Count(pending.Count, "migration")}: {string.Join(", ", pending)}");

        // The role the application connects as (Database:ApplicationRole, or --app-role): data, not schema; the
        // audit trail append-only.
        var role = parsed.Get("app-role") ?? configuration[ApplicationRoleSetting];
        if (!string.IsNullOrWhiteSpace(role))
        {
            await ApplicationRole.GrantAsync(db.Database.GetConnectionString()!, role.Trim(), cancellationToken);
            await output.WriteLineAsync($"Role {role.Trim()} may read and write the data; the audit trail is append-only for it.");
        }

        return 0;
    }
}
