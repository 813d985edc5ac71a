using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

internal sealed class MigrateCommand(ExchangeDbContext db, IConfiguration configuration) : ICliCommand
{
    public const string ApplicationRoleSetting = "Database:ApplicationRole";

    private static readonly Option<string> AppRole = new("--app-role")
    {
        Description = "the role the application connects as: grant it what the application needs (default: Database:ApplicationRole)",
        HelpName = "ROLE",
    };

    public static Command Definition { get; } = new("migrate", "Apply pending database migrations (as the schema owner) and exit.") { AppRole };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {English.Count(pending.Count, "migration")}: {string.Join(", ", pending)}");

        // The role the application connects as (Database:ApplicationRole, or --app-role): data, not schema; the
        // audit trail append-only.
        var role = parsed.GetValue(AppRole) ?? configuration[ApplicationRoleSetting];
        if (!string.IsNullOrWhiteSpace(role))
        {
            await ApplicationRole.GrantAsync(db.Database.GetConnectionString()!, role.Trim(), cancellationToken);
            await output.WriteLineAsync($"Role {role.Trim()} may read and write the data; the audit trail is append-only for it.");
        }

        return 0;
    }
}
