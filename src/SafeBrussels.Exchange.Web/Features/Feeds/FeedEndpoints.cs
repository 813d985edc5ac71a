using System.Globalization;
using System.ServiceModel.Syndication;
using System.Text;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Text;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Feeds;

/// <summary>
/// Feeds that calendar and feed readers fetch without a session, with the member's feed token in the path:
/// <c>/feeds/{token}/calendar.ics</c> (the meetings the member may see, from a year back) and
/// <c>/feeds/{token}/themes/{key}.atom</c> (CLEAR and GREEN practices and meetings on a theme, never anything above).
/// An unknown or revoked token, or a deactivated member, gets 404.
/// </summary>
public static class FeedEndpoints
{
    public const int CalendarMonthsBack = 12;
    public const int CalendarLimit = 2000;
    public const int AtomEntries = 50;

    public static void MapFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/feeds/{token}").AllowAnonymous();

        feeds.MapGet("/calendar.ics", async (string token, HttpContext context, FeedTokenService tokens, MeetingListing meetings, PublicLinks links, TimeProvider time) =>
        {
            if (await tokens.AuthenticateAsync(token, context.RequestAborted) is not { } viewer)
            {
                return Results.NotFound();
            }

            var now = time.GetUtcNow();
            var events = await meetings.CalendarAsync(viewer, now.AddMonths(-CalendarMonthsBack), null, CalendarLimit, context.RequestAborted);
            var ics = MeetingCalendar.ToIcs(events, id => links.Absolute($"/meetings/{id}"), now, $"SafeBrussels Exchange · {viewer.DisplayName}");
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(ics, "text/calendar; charset=utf-8", Encoding.UTF8);
        });

        feeds.MapGet("/themes/{key}.atom", async (
            string token, string key, string? lang, HttpContext context, FeedTokenService tokens, ThemeService themes,
            IDbContextFactory<ExchangeDbContext> dbFactory, PublicLinks links, TimeProvider time) =>
        {
            if (await tokens.AuthenticateAsync(token, context.RequestAborted) is not { } viewer)
            {
                return Results.NotFound();
            }

            if (!string.IsNullOrEmpty(lang) && SupportedLanguages.IsSupported(lang))
            {
                CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = new CultureInfo(lang);
            }

            var theme = (await themes.ListAsync(includeRetired: true, context.RequestAborted)).FirstOrDefault(t => t.Key == key);
            if (theme is null)
            {
                return Results.NotFound();
            }

            var entries = await EntriesAsync(dbFactory, viewer, key, context.RequestAborted);
            var self = links.Absolute($"/feeds/{token}/themes/{key}.atom", string.IsNullOrEmpty(lang) ? null : new Dictionary<string, string?> { ["lang"] = lang });
            var feed = ToAtom(theme, entries, self, links, time.GetUtcNow());
            context.Response.Headers.CacheControl = "private, no-store";
            return Results.Text(feed, "application/atom+xml; charset=utf-8", Encoding.UTF8);
        });
    }

    /// <summary>One entry of a theme's feed: a practice or a meeting labelled CLEAR or GREEN.</summary>
    public sealed record AtomEntry(Guid Id, bool IsMeeting, string Title, string Summary, string Organization, string Language, Tlp Tlp, DateTimeOffset Published, DateTimeOffset Updated);

    /// <summary>
    /// The newest CLEAR and GREEN records on the theme (with its children) that the member may see. The TLP condition is
    /// part of the query: nothing AMBER or above is ever read for a feed.
    /// </summary>
    public static async Task<IReadOnlyList<AtomEntry>> EntriesAsync(
        IDbContextFactory<ExchangeDbContext> dbFactory, Viewer viewer, string themeKey, CancellationToken cancellationToken)
    {
        // Labels are stored as text (CLEAR, GREEN…): named, never compared with < in SQL.
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practices = await db.Practices.AsNoTracking().VisibleTo(viewer)
            .Where(p => p.Tlp == Tlp.Clear || p.Tlp == Tlp.Green).OnTheme(themeKey)
            .OrderByDescending(p => p.UpdatedAt).Take(AtomEntries)
            .Select(p => new AtomEntry(p.Id, false, p.Title, p.Summary, p.Organization!.Name, p.Language, p.Tlp, p.CreatedAt, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        var meetings = await db.Meetings.AsNoTracking().VisibleTo(viewer)
            .Where(m => m.Tlp == Tlp.Clear || m.Tlp == Tlp.Green).OnTheme(themeKey)
            .OrderByDescending(m => m.UpdatedAt).Take(AtomEntries)
            .Select(m => new AtomEntry(m.Id, true, m.Title, "", m.HostOrganization!.Name, m.Language, m.Tlp, m.StartsAt, m.UpdatedAt))
            .ToListAsync(cancellationToken);
        return [.. practices.Concat(meetings).OrderByDescending(e => e.Updated).ThenBy(e => e.Id).Take(AtomEntries)];
    }

    /// <summary>An Atom 1.0 document (RFC 4287), written by System.ServiceModel.Syndication.</summary>
    public static string ToAtom(ThemeOption theme, IReadOnlyList<AtomEntry> entries, string self, PublicLinks links, DateTimeOffset now)
    {
        // XML cannot hold most control characters: text stored before the input rule may still have one.
        var feed = new SyndicationFeed
        {
            Id = $"tag:safebrussels-exchange,2026:theme:{theme.Key}",
            Title = new TextSyndicationContent($"SafeBrussels Exchange · {ControlCharacters.Clean(theme.Label)}"),
            Description = new TextSyndicationContent(ControlCharacters.Clean(theme.Description)),
            Language = SupportedLanguages.Current,
            LastUpdatedTime = Utc(entries.Count > 0 ? entries.Max(e => e.Updated) : now),
            Generator = "SafeBrussels Exchange",
            Links =
            {
                new SyndicationLink(new Uri(self), "self", null, "application/atom+xml", 0),
                new SyndicationLink(
                    new Uri(links.Absolute("/practices", new Dictionary<string, string?> { ["theme"] = theme.Key, ["sort"] = "updated" })),
                    "alternate", null, "text/html", 0),
            },
            Authors = { new SyndicationPerson { Name = "SafeBrussels Exchange" } },
            Items = [.. entries.Select(entry => Item(theme, entry, links))],
        };

        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, Encoding = Encoding.UTF8 }))
        {
            new Atom10FeedFormatter(feed).WriteTo(writer);
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    private static SyndicationItem Item(ThemeOption theme, AtomEntry entry, PublicLinks links)
    {
        var url = links.Absolute(entry.IsMeeting ? $"/meetings/{entry.Id}" : $"/practices/{entry.Id}");
        var summary = entry.IsMeeting
            ? $"{entry.Organization} · {ExchangeTime.FormatDate(entry.Published)} · TLP:{entry.Tlp.ToLabel()}"
            : $"{entry.Summary} ({entry.Organization} · TLP:{entry.Tlp.ToLabel()})";
        var item = new SyndicationItem
        {
            Id = $"urn:uuid:{entry.Id}",
            Title = new TextSyndicationContent($"[TLP:{entry.Tlp.ToLabel()}] {ControlCharacters.Clean(entry.Title)}"),
            PublishDate = Utc(entry.Published),
            LastUpdatedTime = Utc(entry.Updated),
            Links = { new SyndicationLink(new Uri(url), "alternate", null, "text/html", 0) },
            Authors = { new SyndicationPerson { Name = ControlCharacters.Clean(entry.Organization) } },
            Categories = { new SyndicationCategory(theme.Key, null, ControlCharacters.Clean(theme.Label)) },
            Summary = new TextSyndicationContent(ControlCharacters.Clean(summary)),
        };
        // The entry's own language, which may differ from the feed's.
        item.AttributeExtensions.Add(new XmlQualifiedName("lang", "http://www.w3.org/XML/1998/namespace"), entry.Language);
        return item;
    }

    /// <summary>A request path with a feed token replaced by its prefix, for logs.</summary>
    public static string Redact(string path) =>
        path.StartsWith("/feeds/", StringComparison.OrdinalIgnoreCase)
            ? System.Text.RegularExpressions.Regex.Replace(path, "^/feeds/[^/]+", "/feeds/{token}")
            : path;

    // Whole seconds in UTC ("2026-12-07T09:00:00Z"), as feed readers expect.
    private static DateTimeOffset Utc(DateTimeOffset value) =>
        new(value.UtcDateTime.Ticks - (value.UtcDateTime.Ticks % TimeSpan.TicksPerSecond), TimeSpan.Zero);
}
