using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Health;

/// <summary>Ready means: the database answers and every migration of this build is applied.</summary>
internal sealed class DatabaseReadyHealthCheck(IDbContextFactory<ExchangeDbContext> dbFactory) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.Database.CanConnectAsync(cancellationToken))
            {
                return HealthCheckResult.Unhealthy("The database cannot be reached.");
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy($"{pending} migration(s) not applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The exception text may carry connection details: report only its kind.
            return HealthCheckResult.Unhealthy($"The database check failed ({ex.GetType().Name}).");
        }
    }
}
