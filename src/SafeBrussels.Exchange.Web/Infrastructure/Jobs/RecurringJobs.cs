using System.Linq.Expressions;
using Hangfire;

namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>A recurring job a feature declares in its module; the job server's instances declare it at start.</summary>
public sealed class RecurringJobDeclaration(string id, Action<IRecurringJobManager, IServiceProvider> declare)
{
    public string Id { get; } = id;

    internal void Declare(IRecurringJobManager manager, IServiceProvider services) => declare(manager, services);
}

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
