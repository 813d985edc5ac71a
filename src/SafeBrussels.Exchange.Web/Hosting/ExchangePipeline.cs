using SafeBrussels.Exchange.Web.Components;
using SafeBrussels.Exchange.Web.Features.Attachments;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Feeds;
using SafeBrussels.Exchange.Web.Features.Localization;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Profile;
using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Infrastructure.Health;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;
using Serilog;

namespace SafeBrussels.Exchange.Web.Hosting;

/// <summary>The request pipeline and every endpoint the application maps.</summary>
public static class ExchangePipeline
{
    public static WebApplication UseExchange(this WebApplication app)
    {
        // First: everything after reads the client's address and scheme as the trusted proxy gave them.
        app.UseForwardedHeaders();
        app.UseSecurityHeaders();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
        }

        // Pages get the error page above; the API a problem document, never the HTML error page.
        app.UseApiProblemOnFailure();

        app.UseQueryStringGuard();

        // Pages get a friendly error page; the API's errors without a body become problem documents; the feeds keep
        // their status codes and bodies as they are.
        app.UseWhen(
            context => !context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments("/feeds"),
            branch => branch.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api"), branch => branch.UseStatusCodePages());
        app.UseSerilogRequestLogging(options =>
        {
            options.Logger = app.Services.GetRequiredService<Serilog.ILogger>();
            // Feed links carry their secret in the path: it never reaches the logs.
            options.GetMessageTemplateProperties = (context, path, elapsed, status) =>
            [
                new Serilog.Events.LogEventProperty("RequestMethod", new Serilog.Events.ScalarValue(context.Request.Method)),
                new Serilog.Events.LogEventProperty("RequestPath", new Serilog.Events.ScalarValue(Features.Feeds.FeedEndpoints.Redact(path))),
                new Serilog.Events.LogEventProperty("StatusCode", new Serilog.Events.ScalarValue(status)),
                new Serilog.Events.LogEventProperty("Elapsed", new Serilog.Events.ScalarValue(elapsed)),
            ];
        });

        app.UseAuthentication();
        // After authentication: a member's saved language decides before cookie and browser.
        app.UseRequestLocalization();
        // After authentication (the API is limited per member) and localization (the refusal is in the caller's language).
        app.UseRateLimiter();
        app.UseAuthorization();
        app.UseAntiforgery();
        // After authorization: only a request the API would serve keeps a key (per member).
        app.UseIdempotentApiRequests();

        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        app.MapApiDocumentation();
        app.MapExchangeHealth();
        Infrastructure.Jobs.JobsSetup.MapJobsDashboard(app);
        // One line per feature that answers on its own addresses (its module).
        app.MapAttachments();
        app.MapDigests();
        app.MapExchangeFormat();
        app.MapFeeds();
        app.MapLocalization();
        app.MapMeetings();
        app.MapPractices();
        app.MapProfile();
        app.MapSearch();
        return app;
    }
}
