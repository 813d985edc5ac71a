namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// Where a practice comes from and where it went, limited to what the viewer may see: the tree starts at the
/// highest visible ancestor reached through visible practices only, so a hidden link is never hinted at.
/// </summary>
public sealed record PracticeLineage(LineageNode Root, LineageNode? AdaptedFrom, IReadOnlyList<LineageNode> Adaptations)
{
    public bool HasLineage => AdaptedFrom is not null || Adaptations.Count > 0;

    public int Count => Flatten(Root).Count();

    public static IEnumerable<LineageNode> Flatten(LineageNode node) => node.Adaptations.SelectMany(Flatten).Prepend(node);
}
