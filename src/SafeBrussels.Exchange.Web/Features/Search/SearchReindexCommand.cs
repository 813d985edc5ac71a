using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Search.Engine;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// <c>search reindex</c>: every instance rebuilds its search index from PostgreSQL. The request is a row of the change
/// sequence, so each running instance takes it within its poll interval, and a stopped one when it starts again.
/// </summary>
internal sealed class SearchReindexCommand(IDbContextFactory<ExchangeDbContext> dbFactory) : ICliCommand
{
    public static Command Definition { get; } =
        new("reindex", "Rebuild the search index of every instance from the database (each instance is not ready until its index is rebuilt).");

    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync(
            "INSERT INTO search_changes (record_type, record_id) VALUES ({0}, gen_random_uuid())", [SearchIndexer.RebuildRequest], cancellationToken);
        await output.WriteLineAsync("Every instance now rebuilds its search index from the database; searches use the current one until then.");
        return 0;
    }
}
