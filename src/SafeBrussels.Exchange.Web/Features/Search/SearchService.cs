using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// One search over practices, meetings and comments in the three languages (docs/search.md). The sharing rules
/// are composed into every query, so no hit, snippet, facet count or total reveals a record the viewer may not see.
/// </summary>
public sealed class SearchService(IDbContextFactory<ExchangeDbContext> dbFactory, GlossaryStore glossaries)
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
    }

    public async Task<SearchResult> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var glossary = await glossaries.GetAsync(cancellationToken);
        var lexicon = await LexiconAsync(db, SearchQuery.Words(request.Text), cancellationToken);
        var parsed = SearchQuery.Parse(request.Text, glossary, lexicon);
        if (parsed.IsEmpty)
        {
            return SearchResult.Empty;
        }

        var compiled = await CompileAsync(db, parsed, cancellationToken);
        if (compiled is not var (filter, clauses, weights))
        {
            return SearchResult.Empty;
        }

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

        var total = await all.CountAsync(cancellationToken);
        var ordered = request.Sort == SearchSort.Date
            ? scored.OrderByDescending(r => r.Date).ThenByDescending(r => r.Score).ThenBy(r => r.Id)
            : scored.OrderByDescending(r => r.Score).ThenByDescending(r => r.Date).ThenBy(r => r.Id);
        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var page = await ordered.Skip((Math.Max(request.Page, 1) - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);

        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.Key, o.Name), cancellationToken);
        var hits = await HydrateAsync(db, page, filter, organizations, cancellationToken);
        var facets = await FacetsAsync(db, all, practices, meetings, request, organizations, cancellationToken);
        return new SearchResult(total, hits, facets);
    }

    /// <summary>
    /// Which long query words the records contain as typed: those are never taken for a slip of a glossary term.
    /// Only records every member may see (CLEAR, GREEN) are asked, so the answer reveals nothing about the others.
    /// </summary>
    private static async Task<QueryLexicon> LexiconAsync(ExchangeDbContext db, IReadOnlyList<string> words, CancellationToken cancellationToken)
    {
        if (words.Count == 0)
        {
            return QueryLexicon.Empty;
        }

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var stems = await Stems.OfAsync(connection, words, cancellationToken);
        var longWords = words.Where(w => w.Length >= 8).ToArray();
        await using var command = new NpgsqlCommand(
            """
            SELECT w FROM unnest(@words) AS w
            WHERE EXISTS (SELECT 1 FROM practices WHERE tlp IN ('CLEAR', 'GREEN') AND search_vector @@ public.exchange_tsquery(w))
               OR EXISTS (SELECT 1 FROM meetings WHERE tlp IN ('CLEAR', 'GREEN') AND search_vector @@ public.exchange_tsquery(w))
            """,
            connection);
        command.Parameters.AddWithValue("words", longWords);
        var known = new HashSet<string>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            known.Add(reader.GetString(0));
        }

        return new QueryLexicon(stems, known);
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
                Score = withScore ? SearchFunctions.Rank(p.SearchVector!, clauses, weights, filter) : 0,
            }));
        }

        if (request.Type is null or SearchTypes.Meeting)
        {
            rows.Add(meetings.Select(m => new Row
            {
                Type = SearchTypes.Meeting, Id = m.Id, Language = m.Language, OrganizationId = m.HostOrganizationId, Date = m.StartsAt,
                Score = withScore ? SearchFunctions.Rank(m.SearchVector!, clauses, weights, filter) : 0,
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
                Score = withScore ? SearchFunctions.Rank(c.SearchVector!, clauses, weights, filter) : 0,
            }));
        }

        return rows.Count == 0 ? null : rows.Aggregate((a, b) => a.Concat(b));
    }

    /// <summary>
    /// The clauses read by PostgreSQL in the three languages, as tsquery text (with the filter that combines them);
    /// null when nothing meaningful is left (only stop words).
    /// </summary>
    private static async Task<(string Filter, string[] Clauses, float[] Weights)?> CompileAsync(ExchangeDbContext db, SearchQuery query, CancellationToken cancellationToken)
    {
        var texts = query.Required.Concat(query.Optional.Select(o => o.Text)).Concat(query.Excluded).ToArray();
        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        var parsed = new List<string>();
        await using (var command = new NpgsqlCommand("SELECT public.exchange_tsquery(c)::text FROM unnest(@clauses) WITH ORDINALITY AS t(c, n) ORDER BY n", connection))
        {
            command.Parameters.AddWithValue("clauses", texts);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                parsed.Add(reader.GetString(0));
            }
        }

        static bool Meaningful(string q) => q.Length > 0;
        var required = parsed.Take(query.Required.Count).Where(Meaningful).ToList();
        var weighted = parsed.Skip(query.Required.Count).Take(query.Optional.Count)
            .Select((q, i) => (Query: q, query.Optional[i].Weight)).Where(o => Meaningful(o.Query)).ToList();
        var optional = weighted.Select(o => o.Query).ToList();
        var excluded = parsed.Skip(query.Required.Count + query.Optional.Count).Where(Meaningful).ToList();
        if (required.Count == 0 && optional.Count == 0)
        {
            return null;
        }

        var parts = required.Select(r => $"( {r} )").ToList();
        if (optional.Count > 0)
        {
            parts.Add("( " + string.Join(" | ", optional.Select(o => $"( {o} )")) + " )");
        }

        parts.AddRange(excluded.Select(e => $"!( {e} )"));

        // A required phrase counts like a concept.
        return (string.Join(" & ", parts), optional.Concat(required).ToArray(),
            weighted.Select(o => o.Weight).Concat(required.Select(_ => SearchQuery.ConceptWeight)).ToArray());
    }

    private static IQueryable<Practice> FilterPractices(IQueryable<Practice> practices, SearchRequest request)
    {
        if (request.Theme is { } theme)
        {
            practices = practices.Where(p => p.Themes.Any(t => t.Theme!.Key == theme || t.Theme.Parent!.Key == theme));
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
            meetings = meetings.Where(m => m.Themes.Any(t => t.Theme!.Key == theme || t.Theme.Parent!.Key == theme));
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
            comments = comments.Where(c =>
                (c.Practice != null && c.Practice.Themes.Any(t => t.Theme!.Key == theme || t.Theme.Parent!.Key == theme))
                || (c.Meeting != null && c.Meeting.Themes.Any(t => t.Theme!.Key == theme || t.Theme.Parent!.Key == theme)));
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
        var ids = page.Select(r => r.Id).ToList();
        var details = new Dictionary<Guid, Details>();
        foreach (var d in await db.Practices.AsNoTracking().Where(p => ids.Contains(p.Id))
            .Select(p => new Details(p.Id, p.ExternalId, p.Title,
                SearchFunctions.Headline(p.Language, p.Summary + "\n" + p.Problem + "\n" + p.Approach + "\n" + p.Results, filter),
                p.Tlp, p.Themes.Select(t => t.Theme!.Key).ToList(), null, null))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        foreach (var d in await db.Meetings.AsNoTracking().Where(m => ids.Contains(m.Id))
            .Select(m => new Details(m.Id, m.ExternalId, m.Title, SearchFunctions.Headline(m.Language, m.SearchText ?? "", filter),
                m.Tlp, m.Themes.Select(t => t.Theme!.Key).ToList(), null, null))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        foreach (var d in await db.Comments.AsNoTracking().Where(c => ids.Contains(c.Id))
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

    private static async Task<SearchFacets> FacetsAsync(
        ExchangeDbContext db,
        IQueryable<Row> all,
        IQueryable<Practice> practices,
        IQueryable<Meeting> meetings,
        SearchRequest request,
        Dictionary<Guid, (string Key, string Name)> organizations,
        CancellationToken cancellationToken)
    {
        static List<FacetValue> Sorted(IEnumerable<FacetValue> values) =>
            values.Where(v => v.Count > 0).OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal).ToList();

        var types = await all.GroupBy(r => r.Type).Select(g => new FacetValue(g.Key, g.Count())).ToListAsync(cancellationToken);
        var languages = await all.GroupBy(r => r.Language).Select(g => new FacetValue(g.Key, g.Count())).ToListAsync(cancellationToken);
        var byOrganization = await all.GroupBy(r => r.OrganizationId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);
        var years = await all.GroupBy(r => r.Date.Year).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken);

        var themeCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        if (request.Type is null or SearchTypes.Practice)
        {
            foreach (var t in await practices.SelectMany(p => p.Themes).GroupBy(t => t.Theme!.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            {
                themeCounts[t.Key] = themeCounts.GetValueOrDefault(t.Key) + t.Count;
            }
        }

        if (request.Type is null or SearchTypes.Meeting)
        {
            foreach (var t in await meetings.SelectMany(m => m.Themes).GroupBy(t => t.Theme!.Key).Select(g => new { g.Key, Count = g.Count() }).ToListAsync(cancellationToken))
            {
                themeCounts[t.Key] = themeCounts.GetValueOrDefault(t.Key) + t.Count;
            }
        }

        return new SearchFacets(
            Sorted(types),
            Sorted(themeCounts.Select(t => new FacetValue(t.Key, t.Value))),
            Sorted(byOrganization.Select(o => new FacetValue(organizations.GetValueOrDefault(o.Key, (Key: "", Name: "")).Key, o.Count))),
            Sorted(languages),
            years.OrderByDescending(y => y.Key).Select(y => new FacetValue(y.Key.ToString(System.Globalization.CultureInfo.InvariantCulture), y.Count)).ToList());
    }
}
