using Hangfire;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>Declares the recurring jobs at start-up; Hangfire runs each occurrence once across all instances.</summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IOptions<DigestOptions> digests) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        recurring.AddOrUpdate<DigestJobs>(
            DigestJobs.RecurringId,
            jobs => jobs.EnqueueDueAsync(CancellationToken.None),
            digests.Value.Schedule,
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<AuditRetention>(
            AuditRetention.RecurringId,
            retention => retention.PurgeAsync(CancellationToken.None),
            "17 3 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        recurring.AddOrUpdate<Features.Meetings.MinutesRetention>(
            Features.Meetings.MinutesRetention.RecurringId,
            retention => retention.ArchiveAsync(CancellationToken.None),
            "37 3 * * *",
            new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc });
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
