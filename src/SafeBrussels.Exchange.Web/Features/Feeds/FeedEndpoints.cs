using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
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

    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";

    public static void MapFeedEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var feeds = endpoints.MapGroup("/feeds/{token}").AllowAnonymous();

        feeds.MapGet("/calendar.ics", async (string token, HttpContext context, FeedTokenService tokens, MeetingService meetings, PublicLinks links, TimeProvider time) =>
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

    /// <summary>An Atom 1.0 document (RFC 4287).</summary>
    public static string ToAtom(ThemeOption theme, IReadOnlyList<AtomEntry> entries, string self, PublicLinks links, DateTimeOffset now)
    {
        var feed = new XElement(Atom + "feed",
            new XAttribute(XNamespace.Xml + "lang", SupportedLanguages.Current),
            new XElement(Atom + "id", $"tag:safebrussels-exchange,2026:theme:{theme.Key}"),
            new XElement(Atom + "title", $"SafeBrussels Exchange · {ControlCharacters.Clean(theme.Label)}"),
            new XElement(Atom + "subtitle", ControlCharacters.Clean(theme.Description)),
            new XElement(Atom + "updated", Timestamp(entries.Count > 0 ? entries.Max(e => e.Updated) : now)),
            new XElement(Atom + "link", new XAttribute("rel", "self"), new XAttribute("type", "application/atom+xml"), new XAttribute("href", self)),
            new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"),
                new XAttribute("href", links.Absolute("/practices", new Dictionary<string, string?> { ["theme"] = theme.Key, ["sort"] = "updated" }))),
            new XElement(Atom + "author", new XElement(Atom + "name", "SafeBrussels Exchange")),
            new XElement(Atom + "generator", "SafeBrussels Exchange"));
        foreach (var entry in entries)
        {
            var url = links.Absolute(entry.IsMeeting ? $"/meetings/{entry.Id}" : $"/practices/{entry.Id}");
            var summary = entry.IsMeeting
                ? $"{entry.Organization} · {ExchangeTime.FormatDate(entry.Published)} · TLP:{entry.Tlp.ToLabel()}"
                : $"{entry.Summary} ({entry.Organization} · TLP:{entry.Tlp.ToLabel()})";
            feed.Add(new XElement(Atom + "entry",
                new XAttribute(XNamespace.Xml + "lang", entry.Language),
                new XElement(Atom + "id", $"urn:uuid:{entry.Id}"),
                new XElement(Atom + "title", $"[TLP:{entry.Tlp.ToLabel()}] {ControlCharacters.Clean(entry.Title)}"),
                new XElement(Atom + "published", Timestamp(entry.Published)),
                new XElement(Atom + "updated", Timestamp(entry.Updated)),
                new XElement(Atom + "link", new XAttribute("rel", "alternate"), new XAttribute("type", "text/html"), new XAttribute("href", url)),
                new XElement(Atom + "author", new XElement(Atom + "name", ControlCharacters.Clean(entry.Organization))),
                new XElement(Atom + "category", new XAttribute("term", theme.Key), new XAttribute("label", ControlCharacters.Clean(theme.Label))),
                // XML cannot hold most control characters: text stored before the input rule may still have one.
                new XElement(Atom + "summary", new XAttribute("type", "text"), ControlCharacters.Clean(summary))));
        }

        var builder = new StringBuilder();
        using (var writer = XmlWriter.Create(builder, new XmlWriterSettings { Indent = true, OmitXmlDeclaration = false, Encoding = Encoding.UTF8 }))
        {
            new XDocument(feed).Save(writer);
        }

        // StringBuilder output declares utf-16; the response is UTF-8.
        return builder.ToString().Replace("encoding=\"utf-16\"", "encoding=\"utf-8\"", StringComparison.Ordinal);
    }

    /// <summary>A request path with a feed token replaced by its prefix, for logs.</summary>
    public static string Redact(string path) =>
        path.StartsWith("/feeds/", StringComparison.OrdinalIgnoreCase)
            ? System.Text.RegularExpressions.Regex.Replace(path, "^/feeds/[^/]+", "/feeds/{token}")
            : path;

    private static string Timestamp(DateTimeOffset value) => value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
