using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>A practice in a lineage; in the tree, with its own adaptations (null outside the tree).</summary>
public sealed record LineageNodeResponse(
    Guid Id,
    string ExternalId,
    string Title,
    string Organization,
    string Language,
    string Tlp,
    string Status,
    string Evidence,
    string Changes,
    IReadOnlyList<LineageNodeResponse>? Adaptations)
{
    public static LineageNodeResponse From(LineageNode node, bool withChildren) => new(
        node.Id,
        node.ExternalId,
        node.Title,
        node.OrganizationName,
        node.Language,
        node.Tlp.ToLabel(),
        node.Status.ToCode(),
        node.Evidence.ToCode(),
        node.AdaptationChanges,
        withChildren ? [.. node.Adaptations.Select(a => From(a, withChildren: true))] : null);
}
