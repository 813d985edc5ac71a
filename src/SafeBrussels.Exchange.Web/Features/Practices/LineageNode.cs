using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>One practice in a lineage tree, with the adaptations of it the viewer may see.</summary>
public sealed record LineageNode(
    Guid Id,
    string ExternalId,
    string Title,
    string OrganizationName,
    string City,
    string Language,
    Tlp Tlp,
    PracticeStatus Status,
    EvidenceLevel Evidence,
    DateTimeOffset CreatedAt,
    string AdaptationChanges,
    IReadOnlyList<LineageNode> Adaptations);
