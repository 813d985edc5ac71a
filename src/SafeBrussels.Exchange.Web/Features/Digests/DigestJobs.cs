using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>The digest jobs Hangfire runs: a recurring look for due members, then one job per batch.</summary>
public sealed class DigestJobs(
    DigestScheduler scheduler,
    DigestSender sender,
    IBackgroundJobClient jobs,
    JobStorage storage,
    IDbContextFactory<ExchangeDbContext> dbFactory,
    TimeProvider time)
{
    public const string RecurringId = "digests-due";

    private static readonly string[] PendingStates = [EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName];

    /// <summary>
    /// Enqueues a batch job for the members due now, leaving out those whose batch is still pending (waiting,
    /// running, or waiting for its next attempt while the relay is away): each look, every five minutes, would
    /// otherwise add another job for them. A batch that ran out of attempts is no longer pending, so its members
    /// are enqueued again by the next look.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task EnqueueDueAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = (await PendingBatchesAsync(db, storage, cancellationToken))
            .SelectMany(batch => batch.UserIds.Select(id => (id, batch.Period.UtcDateTime)))
            .ToHashSet();
        foreach (var batch in await scheduler.FindDueAsync(time.GetUtcNow(), cancellationToken))
        {
            var userIds = batch.UserIds.Where(id => !pending.Contains((id, batch.Period.UtcDateTime))).ToArray();
            if (userIds.Length == 0)
            {
                continue;
            }

            // Recorded after the job exists: should the record fail, the next look enqueues these members again, and
            // the delivery ledger still sends each digest once.
            var jobId = jobs.Enqueue<DigestJobs>(j => j.SendBatchAsync(batch.Period, userIds, CancellationToken.None));
            db.PendingDigestBatches.Add(new PendingDigestBatch { JobId = jobId, Period = batch.Period, UserIds = userIds, EnqueuedAt = time.GetUtcNow() });
            await db.SaveChangesAsync(cancellationToken);
        }
    }

    /// <summary>One batch; retried with Hangfire's growing delays while the relay is unreachable (the ledger skips those already sent).</summary>
    [AutomaticRetry(Attempts = 20)]
    public Task SendBatchAsync(DateTimeOffset period, Guid[] userIds, CancellationToken cancellationToken) =>
        sender.SendBatchAsync(period, userIds, cancellationToken);

    /// <summary>
    /// The batches in the project's ledger whose job has not ended, each job's state asked by its id; those that ended
    /// (sent, out of attempts, deleted) leave the ledger here.
    /// </summary>
    internal static async Task<IReadOnlyList<PendingDigestBatch>> PendingBatchesAsync(
        ExchangeDbContext db, JobStorage storage, CancellationToken cancellationToken)
    {
        var recorded = await db.PendingDigestBatches.AsNoTracking().ToListAsync(cancellationToken);
        if (recorded.Count == 0)
        {
            return recorded;
        }

        using var connection = storage.GetConnection();
        var ended = recorded.Where(batch => connection.GetStateData(batch.JobId)?.Name is not { } state || !PendingStates.Contains(state))
            .Select(batch => batch.JobId)
            .ToArray();
        if (ended.Length > 0)
        {
            await db.PendingDigestBatches.Where(batch => ended.Contains(batch.JobId)).ExecuteDeleteAsync(cancellationToken);
        }

        return recorded.Where(batch => !ended.Contains(batch.JobId)).ToList();
    }
}
