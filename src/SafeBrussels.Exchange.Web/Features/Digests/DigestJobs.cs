using Hangfire;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>The digest jobs Hangfire runs: a recurring look for due members, then one job per batch.</summary>
public sealed class DigestJobs(DigestScheduler scheduler, DigestSender sender, IBackgroundJobClient jobs, TimeProvider time)
{
    public const string RecurringId = "digests-due";

    /// <summary>Enqueues a batch job for each batch due now.</summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task EnqueueDueAsync(CancellationToken cancellationToken)
    {
        foreach (var batch in await scheduler.FindDueAsync(time.GetUtcNow(), cancellationToken))
        {
            jobs.Enqueue<DigestJobs>(j => j.SendBatchAsync(batch.Period, batch.UserIds, CancellationToken.None));
        }
    }

    /// <summary>One batch; retried with Hangfire's growing delays while the relay is unreachable (the ledger skips those already sent).</summary>
    [AutomaticRetry(Attempts = 20)]
    public Task SendBatchAsync(DateTimeOffset period, Guid[] userIds, CancellationToken cancellationToken) =>
        sender.SendBatchAsync(period, userIds, cancellationToken);
}
