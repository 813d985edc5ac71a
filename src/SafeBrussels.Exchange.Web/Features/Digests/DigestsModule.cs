using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Infrastructure.Jobs;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Follows and the weekly digest: composing, the sending ledger, the recurring job that finds the due digests, and
/// unsubscribing.
/// </summary>
public static class DigestsModule
{
    /// <param name="services">The application's services.</param>
    /// <param name="jobStorage">
    /// Whether the host has the job storage that <see cref="DigestJobs"/> enqueues batches into; the operator verbs have
    /// none (they send synchronously), and must not be able to resolve it.
    /// </param>
    public static IServiceCollection AddDigests(this IServiceCollection services, bool jobStorage)
    {
        if (jobStorage)
        {
            services.AddScoped<DigestJobs>();
        }

        services.AddOptions<DigestOptions>().BindConfiguration(DigestOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<DigestMessage>();
        services.AddSingleton<DigestRateLimiter>();
        services.AddSingleton<DigestSender>();
        services.AddSingleton<DigestScheduler>();
        services.AddScoped<FollowService>();
        services.AddRecurringJob<DigestJobs>(
            DigestJobs.RecurringId,
            jobs => jobs.EnqueueDueAsync(CancellationToken.None),
            provider => provider.GetRequiredService<IOptions<DigestOptions>>().Value.Schedule);
        return services;
    }

    public static IEndpointRouteBuilder MapDigests(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapDigestUnsubscribe();
        return endpoints;
    }
}
