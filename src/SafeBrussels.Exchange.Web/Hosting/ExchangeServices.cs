using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using MudBlazor.Services;
using SafeBrussels.Exchange.Web.Components.Account;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Attachments;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Dashboard;
using SafeBrussels.Exchange.Web.Features.Demo;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Feeds;
using SafeBrussels.Exchange.Web.Features.Invitations;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Organizations;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Profile;
using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Features.Tokens;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Health;
using SafeBrussels.Exchange.Web.Infrastructure.Jobs;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Logging;
using SafeBrussels.Exchange.Web.Infrastructure.OpenApi;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Hosting;

/// <summary>The composition root: every service the application registers, by concern.</summary>
public static class ExchangeServices
{
    /// <summary>The largest message a browser may send to its circuit: 4 MiB (see <c>AddHubOptions</c> below).</summary>
    public const long MaximumCircuitMessageBytes = 4L * 1024 * 1024;

    private const string SessionOrToken = "session-or-token";

    public static WebApplicationBuilder AddExchange(this WebApplicationBuilder builder, bool commandLine = false)
    {
        builder.AddExchangeLogging(commandLine);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.Configure<PublicUrlOptions>(builder.Configuration);
        builder.Services.AddSingleton<PublicLinks>();

        builder.AddData(commandLine);
        builder.AddIdentity();
        builder.Services.AddExchangeLocalization();
        builder.Services.AddEmail(builder.Configuration);
        builder.Services.AddReverseProxySupport(builder.Configuration);
        builder.Services.AddExchangeHealthChecks();
        builder.Services.AddExchangeOpenApi();
        builder.Services.AddExchangeRateLimiting(builder.Configuration);
        builder.Services.AddUserInterface(builder.Configuration);
        builder.Services.AddFeatures(commandLine);
        builder.Services.AddCommandLine();
        return builder;
    }

    private static void AddData(this WebApplicationBuilder builder, bool commandLine)
    {
        var connectionString = builder.Configuration.GetConnectionString(ExchangeDatabase.ConnectionStringName) is { Length: > 0 } configured
            ? configured
            : throw new InvalidOperationException(
                $"The connection string 'ConnectionStrings:{ExchangeDatabase.ConnectionStringName}' is not configured (environment variable ConnectionStrings__{ExchangeDatabase.ConnectionStringName}).");

        // Request-scoped contexts for Identity and static pages; a factory for interactive components.
        builder.Services.AddDbContext<ExchangeDbContext>(
            options => ExchangeDatabase.Configure(options, connectionString),
            contextLifetime: ServiceLifetime.Scoped,
            optionsLifetime: ServiceLifetime.Singleton);
        builder.Services.AddDbContextFactory<ExchangeDbContext>(options => ExchangeDatabase.Configure(options, connectionString));

        // One key ring in PostgreSQL for every instance (docs/operations.md: scaling out), under a fixed application
        // name so that instances deployed at different paths still share it.
        // Outside Development the keys are encrypted at rest with a certificate (KeyRingProtection; deploy/docker and
        // deploy/kubernetes mount one).
        builder.Services.AddDataProtection()
            .SetApplicationName("SafeBrussels.Exchange")
            .PersistKeysToDbContext<ExchangeDbContext>()
            .ProtectKeysWithConfiguredCertificate(builder.Configuration);

        // Operator verbs run their work synchronously: no job server, no job storage.
        if (!commandLine)
        {
            builder.AddJobs(connectionString);
        }
    }

    private static void AddIdentity(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.Configure<SessionLifetime>(builder.Configuration.GetSection(SessionLifetime.SectionName));
        var lifetime = builder.Configuration.GetSection(SessionLifetime.SectionName).Get<SessionLifetime>() ?? new SessionLifetime();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddSingleton<SessionRevocations>();

        services.AddAuthentication(options =>
            {
                options.DefaultScheme = SessionOrToken;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            // A request carrying "Authorization: Bearer" is judged by its token alone; any other by the session cookie.
            .AddPolicyScheme(SessionOrToken, SessionOrToken, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? Features.Tokens.BearerTokenHandler.SchemeName
                    : IdentityConstants.ApplicationScheme)
            .AddScheme<AuthenticationSchemeOptions, Features.Tokens.BearerTokenHandler>(Features.Tokens.BearerTokenHandler.SchemeName, null)
            .AddIdentityCookies();

        services.AddIdentityCore<ApplicationUser>(options =>
            {
                options.SignIn.RequireConfirmedEmail = true;
                options.Stores.SchemaVersion = IdentitySchemaVersions.Version3;
                options.User.RequireUniqueEmail = true;
                // ASVS 5.0: length, not composition rules.
                options.Password.RequiredLength = 12;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.Password.RequiredUniqueChars = 4;
                options.Lockout.AllowedForNewUsers = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddEntityFrameworkStores<ExchangeDbContext>()
            .AddSignInManager<ExchangeSignInManager>()
            .AddClaimsPrincipalFactory<ExchangeClaimsPrincipalFactory>()
            .AddErrorDescriber<LocalizedIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        // PBKDF2 (HMAC-SHA512) at the OWASP ASVS 5.0 work factor.
        services.Configure<PasswordHasherOptions>(options => options.IterationCount = 210_000);
        services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromHours(2));

        // Every request re-reads the member (SessionValidation): a deactivation or a role change takes effect at once.
        services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero);

        var secure = builder.Environment.IsDevelopment() ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
        services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = "exchange.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = secure;
            options.ExpireTimeSpan = lifetime.IdleTimeout;
            options.SlidingExpiration = true;
            options.LoginPath = "/Account/Login";
            options.LogoutPath = "/Account/Logout";
            options.AccessDeniedPath = "/Account/AccessDenied";
            // The API answers 401/403; only pages redirect to the sign-in page.
            options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
            options.Events.OnValidatePrincipal = async context =>
            {
                var now = context.HttpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
                if (lifetime.HasExpired(context.Principal, now))
                {
                    context.RejectPrincipal();
                    await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }

                await SessionValidation.ValidateAsync(context, lifetime, now);
            };
        });
        services.ConfigureExternalCookie(options => options.Cookie.SecurePolicy = secure);
        services.AddAntiforgery(options => options.Cookie.SecurePolicy = secure);

        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.PlatformAdmin, policy => policy.RequireRole(RoleNames.PlatformAdmin))
            .AddPolicy(Policies.MemberAdmin, policy => policy.RequireRole(RoleNames.PlatformAdmin, RoleNames.OrgAdmin));

        services.AddSingleton<IEmailSender<ApplicationUser>, AccountMailer>();
    }

    private static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int apiStatus)
    {
        // The API answers with a status; its reference (/api/reference) is a page for people, who are sent to sign in
        // and then back to it, rather than shown the browser's bare 401.
        if (context.Request.Path.StartsWithSegments("/api") && !context.Request.Path.StartsWithSegments(Infrastructure.OpenApi.ApiDocumentation.ReferencePath))
        {
            context.Response.StatusCode = apiStatus;
        }
        else
        {
            // On the platform's public address (PublicBaseUrl), never on the Host header the request came with: a forged
            // Host must not send the member to another site.
            var target = Uri.TryCreate(context.RedirectUri, UriKind.Absolute, out var absolute) ? absolute.PathAndQuery : context.RedirectUri;
            context.Response.Redirect(context.HttpContext.RequestServices.GetRequiredService<PublicLinks>().Absolute(target));
        }

        return Task.CompletedTask;
    }

    private static void AddExchangeLocalization(this IServiceCollection services)
    {
        services.AddLocalization();
        services.Configure<RequestLocalizationOptions>(options =>
        {
            options.SetDefaultCulture(SupportedLanguages.Default)
                .AddSupportedCultures([.. SupportedLanguages.All])
                .AddSupportedUICultures([.. SupportedLanguages.All]);
            // The switcher's choice in this browser, then the member's own language (their profile, also that of their
            // mails), then the language an invitation was sent in (its page), then the browser's.
            options.RequestCultureProviders =
            [
                new CookieRequestCultureProvider(),
                new UserPreferenceCultureProvider(),
                new Features.Invitations.InvitationCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
    }

    private static void AddEmail(this IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<EmailOptions>(configuration.GetSection(EmailOptions.SectionName));
        services.AddSingleton<IMailSender, SmtpMailSender>();
    }

    private static void AddUserInterface(this IServiceCollection services, IConfiguration configuration)
    {
        // Problem documents (RFC 9457) for the API's errors: exceptions and bodiless status codes alike.
        // HSTS for a year (ASVS 14.4.5), outside Development only (ExchangePipeline).
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        services.AddProblemDetails(options => options.CustomizeProblemDetails = problem =>
        {
            // A trace identifier only where it helps (a server error, to find it in the logs): otherwise two answers
            // that must be the same (a hidden record and a missing one) would differ by it.
            if (problem.ProblemDetails.Status != StatusCodes.Status500InternalServerError)
            {
                problem.ProblemDetails.Extensions.Remove("traceId");
            }

            // Each refused parameter is named as the caller wrote it: the validation of [AsParameters] records reports
            // their C# property names (Page), the API's parameters are camelCase (page, pageSize).
            if (problem.ProblemDetails is HttpValidationProblemDetails validation && validation.Errors.Keys.Any(key => key.Length > 0 && char.IsUpper(key[0])))
            {
                var named = validation.Errors.ToList();
                validation.Errors.Clear();
                foreach (var (key, messages) in named)
                {
                    validation.Errors[System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(key)] = messages;
                }
            }

            // A bodiless refusal says why in words: rights are those of the account as it is now (a role changed since
            // the token was issued or the page opened counts as it is now).
            problem.ProblemDetails.Detail ??= problem.ProblemDetails.Status switch
            {
                StatusCodes.Status401Unauthorized => "Sign in, or send a valid personal access token (Authorization: Bearer …).",
                StatusCodes.Status403Forbidden => "Your account's current role does not allow this request.",
                _ => null,
            };
        });
        // A page's text travels to the circuit in one SignalR message: large enough for the longest documented text
        // (200,000 characters, up to 4 bytes each in UTF-8, plus the event's envelope), where SignalR's default of 32 KB
        // silently dropped minutes over about 16,000 characters. The editors' fields cap what a paste can send below it.
        services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(options => options.MaximumReceiveMessageSize = MaximumCircuitMessageBytes);
        // Notices stay 4 s by default; Ui:SnackbarMilliseconds shortens them where nobody reads them (the
        // end-to-end tests, which wait for a notice to go before measuring a page).
        var snackbarMilliseconds = configuration.GetValue("Ui:SnackbarMilliseconds", 4000);
        services.AddMudServices(options => options.SnackbarConfiguration.VisibleStateDuration = snackbarMilliseconds);
        services.AddExchangeMudLocalization();
        services.AddScoped<Components.Shared.PageReadiness>();
        services.AddSingleton<Infrastructure.Markdown.MarkdownRenderer>();
    }

    /// <summary>One line per feature: each registers its own services, options, and recurring jobs (its module).</summary>
    private static void AddFeatures(this IServiceCollection services, bool commandLine) => services
        .AddAccounts()
        .AddAttachments()
        .AddAudit()
        .AddComments()
        .AddDashboard()
        .AddDemo()
        .AddDigests(jobStorage: !commandLine)
        .AddExchangeFormat()
        .AddFeeds()
        .AddInvitations()
        .AddMeetings()
        .AddMembers()
        .AddOrganizations()
        .AddPractices()
        .AddProfile()
        .AddSearch()
        .AddThemes()
        .AddTokens();
}
