using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>One practice in a list: what identifies it, its language, label, themes, evidence and status, and the practice it adapts (its externalId).</summary>
public sealed record PracticeListEntry(
    Guid Id,
    string ExternalId,
    string Title,
    string Organization,
    string Language,
    string Tlp,
    IReadOnlyList<string> Themes,
    string Evidence,
    string Status,
    string? AdaptedFrom)
{
    public static PracticeListEntry From(PracticeListItem p) =>
        new(p.Id, p.ExternalId, p.Title, p.OrganizationKey, p.Language, p.Tlp.ToLabel(), p.Themes, p.Evidence.ToCode(), p.Status.ToCode(), p.AdaptedFrom);
}
