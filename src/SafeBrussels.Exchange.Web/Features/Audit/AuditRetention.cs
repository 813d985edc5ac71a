using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>
/// The daily purge of audit entries older than the retention, through the database's <c>audit_purge</c>, and of the
/// failure counts of unknown sign-in addresses (<see cref="UnknownSignIn"/>) untouched as long.
/// </summary>
public sealed class AuditRetention(IDbContextFactory<ExchangeDbContext> dbFactory, IOptions<AuditOptions> options, ILogger<AuditRetention> logger)
{
    public const string RecurringId = "audit-retention";

    public async Task<long> PurgeAsync(CancellationToken cancellationToken)
    {
        var days = Math.Max(options.Value.RetentionDays, AuditOptions.MinimumRetentionDays);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var purged = await db.Database
            .SqlQuery<long>($"SELECT audit_purge(make_interval(days => {days})) AS \"Value\"")
            .SingleAsync(cancellationToken);
        logger.LogInformation("Audit trail: {Count} entries older than {Days} days purged", purged, days);

        // The failed sign-ins of unknown addresses are kept as long as the trail's entries of the same attempts.
        var cutoff = DateTimeOffset.UtcNow.AddDays(-days);
        var forgotten = await db.UnknownSignIns.Where(u => u.UpdatedAt < cutoff).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Unknown-address sign-in counts: {Count} untouched for {Days} days forgotten", forgotten, days);

        // A repeated submission comes within seconds; a day covers any client's retries.
        var keys = await db.IdempotencyKeys.Where(k => k.CreatedAt < DateTimeOffset.UtcNow.AddDays(-1)).ExecuteDeleteAsync(cancellationToken);
        logger.LogInformation("Idempotency keys: {Count} older than a day forgotten", keys);
        return purged;
    }
}
