using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Finds who is due at an instant: each active member with digests on, at their latest scheduled instant, unless
/// the ledger already has them for it; grouped by period and cut into batches.
/// </summary>
public sealed class DigestScheduler(IDbContextFactory<ExchangeDbContext> dbFactory, IOptions<DigestOptions> options)
{
    public async Task<IReadOnlyList<DigestBatch>> FindDueAsync(DateTimeOffset at, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.EmailConfirmed && u.Email != null && u.DigestFrequency != DigestFrequency.Off)
            .Select(u => new { u.Id, u.DigestFrequency, u.DigestDay, u.DigestHour, u.CreatedAt })
            .ToListAsync(cancellationToken);
        var due = members
            .Select(m => (m.Id, Period: DigestSchedule.DueSlot(m.DigestFrequency, m.DigestDay, m.DigestHour, m.CreatedAt, at)))
            .Where(m => m.Period is not null)
            .Select(m => (m.Id, Period: m.Period!.Value))
            .ToList();
        var periods = due.Select(d => d.Period).Distinct().ToList();
        var recorded = (await db.DigestDeliveries
                .Where(d => periods.Contains(d.Period))
                .Select(d => new { d.UserId, d.Period })
                .ToListAsync(cancellationToken))
            .Select(d => (d.UserId, d.Period))
            .ToHashSet();
        var size = Math.Max(1, options.Value.BatchSize);
        return due
            .Where(d => !recorded.Contains(d))
            .GroupBy(d => d.Period)
            .OrderBy(g => g.Key)
            .SelectMany(g => g.Select(d => d.Id).Chunk(size).Select(ids => new DigestBatch(g.Key, ids)))
            .ToList();
    }
}
