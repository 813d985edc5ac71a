using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Health;

/// <summary>
/// Ready means: the database answers and every migration of this build is applied. The database is asked once, on a
/// connection of its own with a short timeout: the application's queries retry through an outage (retrying execution
/// strategy), but a load balancer's probe needs the answer now.
/// </summary>
internal sealed class DatabaseReadyHealthCheck(IDbContextFactory<ExchangeDbContext> dbFactory) : IHealthCheck
{
    private static readonly TimeSpan Budget = TimeSpan.FromSeconds(3);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(Budget * 2);
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(timeout.Token);
            var probe = new NpgsqlConnectionStringBuilder(db.Database.GetConnectionString())
            {
                Timeout = (int)Budget.TotalSeconds,
                CommandTimeout = (int)Budget.TotalSeconds,
                // Not from the pool: after a database restart a pooled connection may be a dead one.
                Pooling = false,
            };
            await using (var connection = new NpgsqlConnection(probe.ConnectionString))
            {
                await connection.OpenAsync(timeout.Token);
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync(timeout.Token);
            }

            var pending = (await db.Database.GetPendingMigrationsAsync(timeout.Token)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("Database reachable, migrations applied.")
                : HealthCheckResult.Unhealthy($"{Cli.English.Count(pending, "migration")} not applied.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // The exception text may carry connection details: report only its kind.
            return HealthCheckResult.Unhealthy($"The database cannot be reached ({ex.GetType().Name}).");
        }
    }
}
