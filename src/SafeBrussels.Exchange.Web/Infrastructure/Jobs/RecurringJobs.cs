using System.Linq.Expressions;
using Hangfire;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

public static class RecurringJobs
{
    /// <summary>
    /// Runs <paramref name="job"/> on <paramref name="cron"/> (UTC; read from the services, so that it may come from the
    /// feature's options) wherever a job server runs. Without one (the operator verbs) nothing is declared.
    /// </summary>
    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services, string id, Expression<Func<T, Task>> job, Func<IServiceProvider, string> cron) =>
        services.AddSingleton(new RecurringJobDeclaration(id, (manager, provider) =>
            manager.AddOrUpdate(id, job, cron(provider), new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc })));

    public static IServiceCollection AddRecurringJob<T>(this IServiceCollection services, string id, Expression<Func<T, Task>> job, string cron) =>
        services.AddRecurringJob(id, job, _ => cron);
}
