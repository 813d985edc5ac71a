using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure.Jobs;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// Meetings between administrations: listing, reading, saving, history, the calendar file, the minutes as DOCX, the
/// API, and the retention of minutes (a daily job, and the archived minutes' download for the host's administrators).
/// </summary>
public static class MeetingsModule
{
    public static IServiceCollection AddMeetings(this IServiceCollection services)
    {
        services.AddOptions<RetentionOptions>().BindConfiguration(RetentionOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<MeetingListing>();
        services.AddScoped<MeetingReader>();
        services.AddScoped<MeetingSaver>();
        services.AddScoped<MeetingHistoryReader>();
        services.AddScoped<MinutesRetention>();
        services.AddRecurringJob<MinutesRetention>(MinutesRetention.RecurringId, retention => retention.ArchiveAsync(CancellationToken.None), "37 3 * * *");
        return services;
    }

    public static IEndpointRouteBuilder MapMeetings(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMeetingsApi();
        endpoints.MapMeetingCalendar();
        endpoints.MapMinutesExport();
        endpoints.MapGet("/meetings/{id:guid}/archived-minutes.md", async (Guid id, HttpContext context, MinutesRetention retention) =>
        {
            var minutes = await retention.ReadArchivedAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            if (minutes is null)
            {
                return Results.NotFound();
            }

            context.Response.Headers.CacheControl = "private, no-store";
            return Results.File(System.Text.Encoding.UTF8.GetBytes(minutes), "text/markdown; charset=utf-8", $"minutes-{id}.md");
        }).RequireAuthorization();
        return endpoints;
    }
}
