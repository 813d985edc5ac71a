using Hangfire;
using Hangfire.Dashboard;
using Hangfire.PostgreSql;
using Microsoft.AspNetCore.Authentication;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

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
