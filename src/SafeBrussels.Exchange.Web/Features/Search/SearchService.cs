using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Search.Engine;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// One search over practices, meetings and comments in the three languages (docs/search.md). The index (Lucene.NET,
/// in process) answers which records match, in what order, with what total and facets, counting only what the reader
/// may see; the page's records are then read from PostgreSQL through <see cref="SharingPolicy"/>, so a record the
/// index still holds under an older label is never shown.
/// </summary>
public sealed class SearchService(IDbContextFactory<ExchangeDbContext> dbFactory, SearchIndexer indexer, Audit.AuditTrail audit)
{
    public const string MarkStart = "⟦";
    public const string MarkEnd = "⟧";

    public async Task<SearchResult> SearchAsync(Viewer viewer, SearchRequest request, CancellationToken cancellationToken = default)
    {
        var engine = await indexer.CurrentAsync(cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organizations = await db.Organizations.AsNoTracking().ToDictionaryAsync(o => o.Id, o => (o.Key, o.Name), cancellationToken);
        Guid? organization = null;
        if (request.Organization is { } key)
        {
            var id = organizations.FirstOrDefault(o => o.Value.Key == key).Key;
            if (id == Guid.Empty)
            {
                return SearchResult.Empty;
            }

            organization = id;
        }

        var pageSize = Math.Clamp(request.PageSize, 1, SearchRequest.MaxPageSize);
        var result = engine.Search(new EngineQuery(
            request.Text ?? "", SharingAudience.Of(viewer), request.Type, request.Theme, organization, request.Language, request.Year,
            request.Sort == SearchSort.Date, (Math.Max(request.Page, 1) - 1) * pageSize, pageSize));
        if (result.Total == 0)
        {
            return SearchResult.Empty;
        }

        var terms = engine.Terms(request.Text);
        var hits = await HydrateAsync(db, viewer, result.Hits, terms, engine, organizations, cancellationToken);

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

        return new SearchResult(result.Total, hits, Facets(result, organizations));
    }

    private static SearchFacets Facets(EngineResult result, Dictionary<Guid, (string Key, string Name)> organizations)
    {
        List<FacetValue> Sorted(string facet, Func<string, string> name) =>
            [.. (result.Facets.GetValueOrDefault(facet) ?? new Dictionary<string, int>())
                .Select(f => new FacetValue(name(f.Key), f.Value))
                .Where(v => v.Count > 0 && v.Value.Length > 0)
                .OrderByDescending(v => v.Count).ThenBy(v => v.Value, StringComparer.Ordinal)];

        var organizationKeys = organizations.ToDictionary(o => o.Key.ToString("N"), o => o.Value.Key, StringComparer.Ordinal);
        return new SearchFacets(
            Sorted(IndexFields.Type, v => v),
            Sorted(IndexFields.Theme, v => v),
            Sorted(IndexFields.Organization, v => organizationKeys.GetValueOrDefault(v, "")),
            Sorted(IndexFields.Language, v => v),
            [.. Sorted(IndexFields.Year, v => v).OrderByDescending(y => y.Value, StringComparer.Ordinal)]);
    }

    private sealed record Details(
        Guid Id, string ExternalId, string Title, string Text, string Language, Guid OrganizationId, Tlp Tlp, DateTimeOffset Date,
        List<string> Themes, Guid? ParentId, string? ParentType);

    /// <summary>The page's records, read through the sharing rules (one statement per kind), in the index's order.</summary>
    private static async Task<List<SearchHit>> HydrateAsync(
        ExchangeDbContext db, Viewer viewer, IReadOnlyList<EngineHit> page, ISet<string> terms, ISearchEngine engine,
        Dictionary<Guid, (string Key, string Name)> organizations, CancellationToken cancellationToken)
    {
        List<Guid> Ids(string type) => [.. page.Where(h => h.Type == type).Select(h => h.Id)];
        var details = new Dictionary<Guid, Details>();
        var ids = Ids(SearchTypes.Practice);
        foreach (var d in ids.Count == 0 ? [] : await db.Practices.AsNoTracking().VisibleTo(viewer).Where(p => ids.Contains(p.Id))
            .Select(p => new Details(p.Id, p.ExternalId, p.Title, p.Summary + "\n" + p.Problem + "\n" + p.Approach + "\n" + p.Results,
                p.Language, p.OrganizationId, p.Tlp, p.CreatedAt, p.Themes.Select(t => t.Theme!.Key).ToList(), null, null))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        ids = Ids(SearchTypes.Meeting);
        foreach (var d in ids.Count == 0 ? [] : await db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => ids.Contains(m.Id))
            .Select(m => new
            {
                m.Id, m.ExternalId, m.Title, m.Minutes, m.Language, m.HostOrganizationId, m.Tlp, m.StartsAt,
                Agenda = m.Agenda.OrderBy(a => a.Position).Select(a => a.Title + " " + a.Notes).ToList(),
                Decisions = m.Decisions.OrderBy(d => d.Position).Select(d => d.Text).ToList(),
                Themes = m.Themes.Select(t => t.Theme!.Key).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken))
        {
            // The snippet's text: the agenda, the decisions, then the minutes.
            var text = string.Join('\n', [.. d.Agenda, .. d.Decisions, d.Minutes]);
            details[d.Id] = new Details(d.Id, d.ExternalId, d.Title, text, d.Language, d.HostOrganizationId, d.Tlp, d.StartsAt, d.Themes, null, null);
        }

        ids = Ids(SearchTypes.Comment);
        foreach (var d in ids.Count == 0 ? [] : await db.Comments.AsNoTracking().VisibleTo(db, viewer).Where(c => ids.Contains(c.Id))
            .Select(c => new Details(
                c.Id,
                c.Practice != null ? c.Practice.ExternalId : c.Meeting!.ExternalId,
                c.Practice != null ? c.Practice.Title : c.Meeting!.Title,
                c.Body,
                c.Practice != null ? c.Practice.Language : c.Meeting!.Language,
                c.Practice != null ? c.Practice.OrganizationId : c.Meeting!.HostOrganizationId,
                c.Practice != null ? c.Practice.Tlp : c.Meeting!.Tlp,
                c.CreatedAt,
                c.Practice != null ? c.Practice.Themes.Select(t => t.Theme!.Key).ToList() : c.Meeting!.Themes.Select(t => t.Theme!.Key).ToList(),
                c.PracticeId ?? c.MeetingId,
                c.PracticeId != null ? SearchTypes.Practice : SearchTypes.Meeting))
            .ToListAsync(cancellationToken))
        {
            details[d.Id] = d;
        }

        return page.Where(h => details.ContainsKey(h.Id)).Select(h =>
        {
            var d = details[h.Id];
            var (key, name) = organizations.GetValueOrDefault(d.OrganizationId, (Key: "", Name: ""));
            var link = h.Type == SearchTypes.Comment ? $"/{d.ParentType}s/{d.ParentId}#discussion" : $"/{h.Type}s/{h.Id}";
            return new SearchHit(h.Type, h.Id, d.ExternalId, d.Title, Highlight(engine.Snippet(d.Text, d.Language, terms)), d.Language,
                d.Themes.Order(StringComparer.Ordinal).ToList(), key, name, d.Tlp, d.Date, h.Score, link);
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
}
