using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// One search over practices, meetings and comments in the three languages (docs/search.md). The sharing rules
/// are composed into every query, so no hit, snippet, facet count or total reveals a record the viewer may not see.
/// </summary>
public sealed class SearchService(IDbContextFactory<ExchangeDbContext> dbFactory, SearchCompiler compiler, Audit.AuditTrail audit)
{
    public const string MarkStart = "⟦";
    public const string MarkEnd = "⟧";

    private sealed class Row
    {
        public string Type { get; init; } = "";

        public Guid Id { get; init; }

        public string Language { get; init; } = "";

        public Guid OrganizationId { get; init; }

        public DateTimeOffset Date { get; init; }

        public float Score { get; init; }

        public NpgsqlTypes.NpgsqlTsVector? Document { get; init; }
    }

    /// <summary>
    /// How many of the best matches by the fast rank (<see cref="SearchFunctions.RankFast"/>) the full rank orders:
    /// ts_rank_cd costs about half a millisecond a record with a concept's many terms, so it only reads candidates.
    /// </summary>
    public const int RerankPool = 200;

    public async Task<SearchResult> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        if (await compiler.CompileAsync((NpgsqlConnection)db.Database.GetDbConnection(), request.Text, cancellationToken) is not { } compiled)
        {
            return SearchResult.Empty;
        }

        var (filter, clauses, weights) = compiled;

        var practices = FilterPractices(db.Practices.AsNoTracking().VisibleTo(viewer).Where(p => p.SearchVector!.Matches(SearchFunctions.Query(filter))), request);
        var meetings = FilterMeetings(db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => m.SearchVector!.Matches(SearchFunctions.Query(filter))), request);
        var comments = FilterComments(db.Comments.AsNoTracking().VisibleTo(db, viewer).Where(c => c.SearchVector!.Matches(SearchFunctions.Query(filter))), request);

        // Counting and facets need no score: a union without it spares computing the rank of every match again.
        var scored = Union(practices, meetings, comments, request, clauses, weights, filter, withScore: true);
        var all = Union(practices, meetings, comments, request, clauses, weights, filter, withScore: false);
        if (scored is null || all is null)
        {
            return SearchResult.Empty;
        }

        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var offset = (Math.Max(request.Page, 1) - 1) * pageSize;
        List<Row> page;
        if (request.Sort == SearchSort.Date)
        {
            page = await scored.OrderByDescending(r => r.Date).ThenByDescending(r => r.Score).ThenBy(r => r.Id)
                .Skip(offset).Take(pageSize).ToListAsync(cancellationToken);
        }
        else
        {
            // Two passes: the best candidates by the fast rank, then those ordered by the full rank.
            var candidates = scored.OrderByDescending(r => r.Score).ThenByDescending(r => r.Date).ThenBy(r => r.Id)
                .Take(Math.Max(RerankPool, offset + pageSize));
            page = await candidates
                .Select(r => new Row
                {
                    Type = r.Type, Id = r.Id, Language = r.Language, OrganizationId = r.OrganizationId, Date = r.Date,
                    Score = SearchFunctions.Rank(r.Document!, clauses, weights, filter),
                })
                .OrderByDescending(r => r.Score).ThenByDescending(r => r.Date).ThenBy(r => r.Id)
                .Skip(offset).Take(pageSize).ToListAsync(cancellationToken);
        }

        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.Key, o.Name), cancellationToken);
        var hits = await HydrateAsync(db, page, filter, organizations, cancellationToken);
        var (total, facets) = await FacetsAsync(all, practices, meetings, request, organizations, cancellationToken);

        // A result shows an excerpt of the record: for AMBER+STRICT and RED, that is a read, written to the audit trail.
        var sensitive = hits.Where(h => Audit.AuditTrail.IsAuditedRead(h.Tlp)).ToList();
        if (sensitive.Count > 0)
        {
            var byKey = organizations.ToDictionary(o => o.Value.Key, o => o.Key, StringComparer.Ordinal);
            foreach (var hit in sensitive)
            {
                audit.Add(db, Audit.AuditEvent.By(viewer, Audit.AuditActions.ContentRead, hit.Type, hit.Id.ToString(),
                    byKey.GetValueOrDefault(hit.OrganizationKey), hit.Tlp, "search result"));
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return new SearchResult(total, hits, facets);
    }

    private static IQueryable<Row>? Union(
        IQueryable<Practice> practices, IQueryable<Meeting> meetings, IQueryable<Comment> comments, SearchRequest request,
        string[] clauses, float[] weights, string filter, bool withScore)
    {
        var rows = new List<IQueryable<Row>>();
        if (request.Type is null or SearchTypes.Practice)
        {
            rows.Add(practices.Select(p => new Row
            {
                Type = SearchTypes.Practice, Id = p.Id, Language = p.Language, OrganizationId = p.OrganizationId, Date = p.CreatedAt,
                Score = withScore ? SearchFunctions.RankFast(p.SearchVector!, clauses, weights, filter) : 0,
                Document = withScore ? p.SearchVector : null,
            }));
        }

        if (request.Type is null or SearchTypes.Meeting)
        {
            rows.Add(meetings.Select(m => new Row
            {
                Type = SearchTypes.Meeting, Id = m.Id, Language = m.Language, OrganizationId = m.HostOrganizationId, Date = m.StartsAt,
                Score = withScore ? SearchFunctions.RankFast(m.SearchVector!, clauses, weights, filter) : 0,
                Document = withScore ? m.SearchVector : null,
            }));
        }

        if (request.Type is null or SearchTypes.Comment)
        {
            rows.Add(comments.Select(c => new Row
            {
                Type = SearchTypes.Comment, Id = c.Id,
                Language = c.Practice != null ? c.Practice.Language : c.Meeting!.Language,
                OrganizationId = c.Practice != null ? c.Practice.OrganizationId : c.Meeting!.HostOrganizationId,
                Date = c.CreatedAt,
                Score = withScore ? SearchFunctions.RankFast(c.SearchVector!, clauses, weights, filter) : 0,
                Document = withScore ? c.SearchVector : null,
            }));
        }

        return rows.Count == 0 ? null : rows.Aggregate((a, b) => a.Concat(b));
    }

    private static IQueryable<Practice> FilterPractices(IQueryable<Practice> practices, SearchRequest request)
    {
        if (request.Theme is { } theme)
        {
            practices = practices.OnTheme(theme);
        }

        if (request.Organization is { } organization)
        {
            practices = practices.Where(p => p.Organization!.Key == organization);
        }

        if (request.Language is { } language)
        {
            practices = practices.Where(p => p.Language == language);
        }

        if (request.Year is { } year)
        {
            var (from, to) = YearRange(year);
            practices = practices.Where(p => p.CreatedAt >= from && p.CreatedAt < to);
        }

        return practices;
    }

    private static IQueryable<Meeting> FilterMeetings(IQueryable<Meeting> meetings, SearchRequest request)
    {
        if (request.Theme is { } theme)
        {
            meetings = meetings.OnTheme(theme);
        }

        if (request.Organization is { } organization)
        {
            meetings = meetings.Where(m => m.HostOrganization!.Key == organization);
        }

        if (request.Language is { } language)
        {
            meetings = meetings.Where(m => m.Language == language);
        }

        if (request.Year is { } year)
        {
            var (from, to) = YearRange(year);
            meetings = meetings.Where(m => m.StartsAt >= from && m.StartsAt < to);
        }

        return meetings;
    }

    private static IQueryable<Comment> FilterComments(IQueryable<Comment> comments, SearchRequest request)
    {
        if (request.Theme is { } theme)
        {
            var includes = ThemeFilter.Includes(theme);
            comments = comments.Where(c =>
                (c.Practice != null && c.Practice.Themes.Select(t => t.Theme!).AsQueryable().Any(includes))
                || (c.Meeting != null && c.Meeting.Themes.Select(t => t.Theme!).AsQueryable().Any(includes)));
        }

        if (request.Organization is { } organization)
        {
            comments = comments.Where(c => (c.Practice != null && c.Practice.Organization!.Key == organization)
                || (c.Meeting != null && c.Meeting.HostOrganization!.Key == organization));
        }

        if (request.Language is { } language)
        {
            comments = comments.Where(c => (c.Practice != null && c.Practice.Language == language) || (c.Meeting != null && c.Meeting.Language == language));
        }

        if (request.Year is { } year)
        {
            var (from, to) = YearRange(year);
            comments = comments.Where(c => c.CreatedAt >= from && c.CreatedAt < to);
        }

        return comments;
    }

    private static (DateTimeOffset From, DateTimeOffset To) YearRange(int year) =>
        (new DateTimeOffset(year, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(year + 1, 1, 1, 0, 0, 0, TimeSpan.Zero));

    private sealed record Details(Guid Id, string ExternalId, string Title, string Snippet, Tlp Tlp, List<string> Themes, Guid? ParentId, string? ParentType);

    private static async Task<List<SearchHit>> HydrateAsync(
        ExchangeDbContext db, List<Row> page, string filter, Dictionary<Guid, (string Key, string Name)> organizations, CancellationToken cancellationToken)
    {
        List<Guid> Ids(string type) => page.Where(r => r.Type == type).Select(r => r.Id).ToList();
        var details = new Dictionary<Guid, Details>();
        var ids = Ids(SearchTypes.Practice);
        foreach (var d in ids.Count == 0 ? [] : await db.Practices.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Details(p.Id, p.ExternalId, p.Title,
                SearchFunctions.Headline(p.Language, p.Summary + "\n" + p.Problem + "\n" + p.Approach + "\n" + p.Results, filter),
                p.Tlp, p.Themes.Select(t => t.Theme!.Key).ToList(), null, null))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        ids = Ids(SearchTypes.Meeting);
        foreach (var d in ids.Count == 0 ? [] : await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new Details(m.Id, m.ExternalId, m.Title, SearchFunctions.Headline(m.Language, m.SearchText ?? "", filter),
                m.Tlp, m.Themes.Select(t => t.Theme!.Key).ToList(), null, null))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        ids = Ids(SearchTypes.Comment);
        foreach (var d in ids.Count == 0 ? [] : await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id))
            .Select(c => new Details(
                c.Id,
                c.Practice != null ? c.Practice.ExternalId : c.Meeting!.ExternalId,
                c.Practice != null ? c.Practice.Title : c.Meeting!.Title,
                SearchFunctions.Headline(c.Practice != null ? c.Practice.Language : c.Meeting!.Language, c.Body, filter),
                c.Practice != null ? c.Practice.Tlp : c.Meeting!.Tlp,
                c.Practice != null ? c.Practice.Themes.Select(t => t.Theme!.Key).ToList() : c.Meeting!.Themes.Select(t => t.Theme!.Key).ToList(),
                c.PracticeId ?? c.MeetingId,
                c.PracticeId != null ? SearchTypes.Practice : SearchTypes.Meeting))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        return page.Where(r => details.ContainsKey(r.Id)).Select(r =>
        {
            var d = details[r.Id];
            var (key, name) = organizations.GetValueOrDefault(r.OrganizationId, (Key: "", Name: ""));
            var link = r.Type == SearchTypes.Comment
                ? $"/{d.ParentType}s/{d.ParentId}#discussion"
                : $"/{r.Type}s/{r.Id}";
            return new SearchHit(r.Type, r.Id, d.ExternalId, d.Title, Highlight(d.Snippet), r.Language, d.Themes.Order(StringComparer.Ordinal).ToList(),
                key, name, d.Tlp, r.Date, r.Score, link);
        }).ToList();
    }

    /// <summary>The snippet as safe HTML: markup characters encoded (accents kept readable), then the match markers turned into &lt;mark&gt;.</summary>
    public static string Highlight(string snippet) =>
        snippet.ReplaceLineEndings(" ")
            .Replace("&", "&amp;", StringComparison.Ordinal)
            .Replace("<", "&lt;", StringComparison.Ordinal)
            .Replace(">", "&gt;", StringComparison.Ordinal)
            .Replace("\"", "&quot;", StringComparison.Ordinal)
            .Replace("'", "&#39;", StringComparison.Ordinal)
            .Replace(MarkStart, "<mark>", StringComparison.Ordinal)
            .Replace(MarkEnd, "</mark>", StringComparison.Ordinal);

    /// <summary>
    /// The total and the facets in two statements: the matches counted by type, language, organization and year
    /// at once (each facet and the total are sums of those groups), then by theme.
    /// </summary>
    private static async Task<(int Total, SearchFacets Facets)> FacetsAsync(
        IQueryable<Row> all,
        IQueryable<Practice> practices,
        IQueryable<Meeting> meetings,
        SearchRequest request,
        Dictionary<Guid, (string Key, string Name)> organizations,
        CancellationToken cancellationToken)
    {
        static List<FacetValue> Sorted(IEnumerable<FacetValue> values) =>
            values.Where(v => v.Count > 0).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();

        static IEnumerable<FacetValue> Sum<TKey>(IEnumerable<(TKey Key, int Count)> groups, Func<TKey, string> value) =>
            groups.GroupBy(g => g.Key).Select(g => new FacetValue(value(g.Key), g.Sum(x => x.Count)));

        var groups = (await all
            .GroupBy(r => new { r.Type, r.Language, r.OrganizationId, r.Date.Year })
            .Select(g => new { g.Key.Type, g.Key.Language, g.Key.OrganizationId, g.Key.Year, Count = g.Count() })
            .ToListAsync(cancellationToken)).Select(g => (g.Type, g.Language, g.OrganizationId, g.Year, g.Count)).ToList();

        IQueryable<string>? themes = null;
        if (request.Type is null or SearchTypes.Practice)
        {
            themes = practices.SelectMany(p => p.Themes).Select(t => t.Theme!.Key);
        }

        if (request.Type is null or SearchTypes.Meeting)
        {
            var meetingThemes = meetings.SelectMany(m => m.Themes).Select(t => t.Theme!.Key);
            themes = themes is null ? meetingThemes : themes.Concat(meetingThemes);
        }

        var themeCounts = themes is null
            ? []
            : await themes.GroupBy(k => k).Select(g => new FacetValue(g.Key, g.Count())).ToListAsync(cancellationToken);

        var facets = new SearchFacets(
            Sorted(Sum(groups.Select(g => (g.Type, g.Count)), t => t)),
            Sorted(themeCounts),
            Sorted(Sum(groups.Select(g => (g.OrganizationId, g.Count)), o => organizations.GetValueOrDefault(o, (Key: "", Name: "")).Key)),
            Sorted(Sum(groups.Select(g => (g.Language, g.Count)), l => l)),
            Sum(groups.Select(g => (g.Year, g.Count)), y => y.ToString(System.Globalization.CultureInfo.InvariantCulture))
                .OrderByDescending(y => y.Value, StringComparer.Ordinal).ToList());
        return (groups.Sum(g => g.Count), facets);
    }
}
