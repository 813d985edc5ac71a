namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>Where a practice comes from and where it went: the practice it adapts, its adaptations, and the whole tree from the original.</summary>
public sealed record LineageResponse(LineageNodeResponse? AdaptedFrom, IReadOnlyList<LineageNodeResponse> Adaptations, LineageNodeResponse Tree)
{
    public static LineageResponse From(PracticeLineage lineage) => new(
        lineage.AdaptedFrom is { } original ? LineageNodeResponse.From(original, withChildren: false) : null,
        [.. lineage.Adaptations.Select(a => LineageNodeResponse.From(a, withChildren: false))],
        LineageNodeResponse.From(lineage.Root, withChildren: true));
}
