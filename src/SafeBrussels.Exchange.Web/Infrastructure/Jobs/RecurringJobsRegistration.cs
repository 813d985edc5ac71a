using Hangfire;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>
/// Declares at start-up the recurring jobs the features registered (<c>RecurringJobs.AddRecurringJob</c>);
/// Hangfire runs each occurrence once across all instances.
/// </summary>
internal sealed class RecurringJobsRegistration(IRecurringJobManager recurring, IEnumerable<RecurringJobDeclaration> jobs, IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var job in jobs)
        {
            job.Declare(recurring, services);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
