using Hangfire;
using Hangfire.States;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>The digest jobs Hangfire runs: a recurring look for due members, then one job per batch.</summary>
public sealed class DigestJobs(DigestScheduler scheduler, DigestSender sender, IBackgroundJobClient jobs, JobStorage storage, TimeProvider time)
{
    public const string RecurringId = "digests-due";

    /// <summary>
    /// Enqueues a batch job for the members due now, leaving out those whose batch is still pending (waiting,
    /// running, or waiting for its next attempt while the relay is away): each look, every five minutes, would
    /// otherwise add another job for them. A batch that ran out of attempts is no longer pending, so its members
    /// are enqueued again by the next look.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task EnqueueDueAsync(CancellationToken cancellationToken)
    {
        var pending = PendingMembers(storage);
        foreach (var batch in await scheduler.FindDueAsync(time.GetUtcNow(), cancellationToken))
        {
            var userIds = batch.UserIds.Where(id => !pending.Contains((id, batch.Period.UtcDateTime))).ToArray();
            if (userIds.Length > 0)
            {
                jobs.Enqueue<DigestJobs>(j => j.SendBatchAsync(batch.Period, userIds, CancellationToken.None));
            }
        }
    }

    /// <summary>One batch; retried with Hangfire's growing delays while the relay is unreachable (the ledger skips those already sent).</summary>
    [AutomaticRetry(Attempts = 20)]
    public Task SendBatchAsync(DateTimeOffset period, Guid[] userIds, CancellationToken cancellationToken) =>
        sender.SendBatchAsync(period, userIds, cancellationToken);

    private static readonly string[] PendingStates = [EnqueuedState.StateName, ScheduledState.StateName, ProcessingState.StateName];

    /// <summary>The batch jobs not finished yet, with the job's id, its period and its members.</summary>
    internal static IEnumerable<(string JobId, DateTimeOffset Period, Guid[] UserIds)> PendingBatches(JobStorage storage)
    {
        const int Most = 100_000;
        var monitoring = storage.GetMonitoringApi();
        var listed = monitoring.Queues().SelectMany(queue => monitoring.EnqueuedJobs(queue.Name, 0, Most).Select(j => (j.Key, j.Value?.Job)))
            .Concat(monitoring.ScheduledJobs(0, Most).Select(j => (j.Key, j.Value?.Job)))
            .Concat(monitoring.ProcessingJobs(0, Most).Select(j => (j.Key, j.Value?.Job)));
        using var connection = storage.GetConnection();
        foreach (var (id, job) in listed)
        {
            // A queue keeps a job deleted meanwhile until a worker takes it: the job's current state decides.
            if (job is not null && job.Type == typeof(DigestJobs) && job.Method.Name == nameof(SendBatchAsync)
                && job.Args is [DateTimeOffset period, Guid[] userIds, ..]
                && connection.GetStateData(id)?.Name is { } state && PendingStates.Contains(state))
            {
                yield return (id, period, userIds);
            }
        }
    }

    private static HashSet<(Guid UserId, DateTime Period)> PendingMembers(JobStorage storage) =>
        PendingBatches(storage).SelectMany(b => b.UserIds.Select(id => (id, b.Period.UtcDateTime))).ToHashSet();
}
