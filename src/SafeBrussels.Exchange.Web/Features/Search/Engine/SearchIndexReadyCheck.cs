using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary><c>/health/ready</c> is not ready until this instance's search index is open and has caught up with PostgreSQL.</summary>
internal sealed class SearchIndexReadyCheck(SearchIndexer indexer) : IHealthCheck
{
    /// <summary>How long a probe waits for an index that is still being made, before answering "not ready" (under the probes' 5-second timeouts).</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await indexer.Ready.WaitAsync(Wait, cancellationToken);
            return HealthCheckResult.Healthy("The search index has caught up.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("The search index is being made from the database.");
        }
    }
}
