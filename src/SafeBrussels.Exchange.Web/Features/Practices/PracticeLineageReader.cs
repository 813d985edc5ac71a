using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// Where a practice comes from and what was adapted from it, as far as the viewer may see: the originals up the
/// chain and the adaptations down it, at most 32 steps each way.
/// </summary>
internal static class PracticeLineageReader
{
    private const int MaxLineageDepth = 32;

    private sealed record NodeRow(
        Guid Id, string ExternalId, Guid? AdaptedFromId, string Title, string OrganizationName, string City, string Language,
        Tlp Tlp, PracticeStatus Status, EvidenceLevel Evidence, DateTimeOffset CreatedAt, string AdaptationChanges);

    /// <summary>Walks up through visible originals, then down through visible adaptations, one query a level.</summary>
    internal static async Task<PracticeLineage> LoadLineageAsync(ExchangeDbContext db, Viewer viewer, Practice practice, CancellationToken cancellationToken)
    {
        var visible = db.Practices.AsNoTracking().VisibleTo(viewer);
        IQueryable<NodeRow> Rows(IQueryable<Practice> source) => source.Select(p => new NodeRow(
            p.Id, p.ExternalId, p.AdaptedFromId, p.Title, p.Organization!.Name, p.Organization.City, p.Language,
            p.Tlp, p.Status, p.Evidence, p.CreatedAt, p.AdaptationChanges));

        var seen = new HashSet<Guid> { practice.Id };
        var root = practice.Id;
        var parentId = practice.AdaptedFromId;
        for (var depth = 0; parentId is { } next && depth < MaxLineageDepth && !seen.Contains(next); depth++)
        {
            var parent = await visible.Where(p => p.Id == next).Select(p => new { p.Id, p.AdaptedFromId }).SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                break;
            }

            seen.Add(parent.Id);
            root = parent.Id;
            parentId = parent.AdaptedFromId;
        }

        var rows = new Dictionary<Guid, NodeRow>();
        var frontier = new List<Guid> { root };
        foreach (var row in await Rows(visible.Where(p => p.Id == root)).ToListAsync(cancellationToken))
        {
            rows[row.Id] = row;
        }

        for (var depth = 0; frontier.Count > 0 && depth < MaxLineageDepth; depth++)
        {
            var level = frontier;
            var children = await Rows(visible.Where(p => p.AdaptedFromId != null && level.Contains(p.AdaptedFromId.Value))).ToListAsync(cancellationToken);
            frontier = [];
            foreach (var child in children.Where(c => rows.TryAdd(c.Id, c)))
            {
                frontier.Add(child.Id);
            }
        }

        var byParent = rows.Values.Where(r => r.Id != root && r.AdaptedFromId is not null).ToLookup(r => r.AdaptedFromId!.Value);
        LineageNode Build(NodeRow row) => new(
            row.Id, row.ExternalId, row.Title, row.OrganizationName, row.City, row.Language, row.Tlp, row.Status, row.Evidence,
            row.CreatedAt, row.AdaptationChanges,
            byParent[row.Id].OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(Build).ToList());

        var tree = Build(rows[root]);
        var all = PracticeLineage.Flatten(tree).ToList();
        var self = all.First(n => n.Id == practice.Id);
        var adaptedFrom = practice.AdaptedFromId is { } originalId ? all.FirstOrDefault(n => n.Id == originalId) : null;
        return new PracticeLineage(tree, adaptedFrom, self.Adaptations);
    }
}
