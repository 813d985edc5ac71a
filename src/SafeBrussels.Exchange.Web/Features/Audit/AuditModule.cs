using SafeBrussels.Exchange.Web.Infrastructure.Jobs;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>The audit trail: what is written to it, its page for administrators, and its daily retention purge.</summary>
public static class AuditModule
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddOptions<AuditOptions>().BindConfiguration(AuditOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<AuditTrail>();
        services.AddScoped<AuditService>();
        services.AddScoped<AuditRetention>();
        services.AddRecurringJob<AuditRetention>(AuditRetention.RecurringId, retention => retention.PurgeAsync(CancellationToken.None), "17 3 * * *");
        return services;
    }
}
