using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

internal sealed class MigrateCommand(ExchangeDbContext db) : ICliCommand
{
    public string Usage => "migrate                      apply pending database migrations and exit";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        CliArguments.Parse(args, new HashSet<string>(), new HashSet<string>());
        var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        await db.Database.MigrateAsync(cancellationToken);
        await output.WriteLineAsync(pending.Count == 0
            ? "Database is up to date."
            : $"Applied {pending.Count} migration(s): {string.Join(", ", pending)}");
        return 0;
    }
}
