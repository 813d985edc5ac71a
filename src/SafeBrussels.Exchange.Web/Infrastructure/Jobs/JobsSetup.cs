using Hangfire;
using Microsoft.AspNetCore.Authentication;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this instance runs a Hangfire server (workers and recurring jobs); the dashboard is always there.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Jobs this instance runs at once; digest batches mostly wait on the database and the relay (docs/digests.md).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often an idle worker looks for a new job in the queue.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the instance creates or upgrades Hangfire's tables at start. Set it to false when the application
    /// connects as a role that may not change the schema: <c>migrate --app-role</c> prepares them instead.
    /// </summary>
    public bool PrepareSchema { get; set; } = true;
}

/// <summary>
/// Background jobs: Hangfire on PostgreSQL, in its own schema of the application's database, its server inside
/// the app, its dashboard at <c>/admin/jobs</c> for platform administrators.
/// </summary>
public static class JobsSetup
{
    public const string DashboardPath = "/admin/jobs";

    public const string Schema = "hangfire";

    public static void AddJobs(this WebApplicationBuilder builder, string connectionString)
    {
        var options = builder.Configuration.GetSection(JobsOptions.SectionName).Get<JobsOptions>() ?? new JobsOptions();
        builder.Services.AddHangfire(configuration => configuration
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions { SchemaName = Schema, PrepareSchemaIfNecessary = options.PrepareSchema, QueuePollInterval = options.QueuePollInterval }));
        if (options.RunServer)
        {
            builder.Services.AddHangfireServer(server =>
            {
                server.WorkerCount = Math.Max(1, options.Workers);
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
            });
            builder.Services.AddHostedService<RecurringJobsRegistration>();
        }
    }

    public static void MapJobsDashboard(this WebApplication app)
    {
        // Like any admin page: sign in first, then only platform administrators (the filter below checks again).
        app.UseWhen(
            context => context.Request.Path.StartsWithSegments(DashboardPath),
            branch => branch.Use(async (context, next) =>
            {
                if (context.User.Identity?.IsAuthenticated != true)
                {
                    await context.ChallengeAsync();
                    return;
                }

                if (!context.User.IsInRole(RoleNames.PlatformAdmin))
                {
                    await context.ForbidAsync();
                    return;
                }

                await next();
            }));
        app.UseHangfireDashboard(DashboardPath, new DashboardOptions
        {
            Authorization = [new PlatformAdminOnly()],
            AppPath = "/",
            DisplayStorageConnectionString = false,
            DashboardTitle = "SafeBrussels Exchange — jobs",
        });
    }

    private sealed class PlatformAdminOnly : IDashboardAuthorizationFilter
    {
        public bool Authorize(DashboardContext context) =>
            context.GetHttpContext().User.IsInRole(RoleNames.PlatformAdmin);
    }
}
