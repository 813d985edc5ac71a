using System.Globalization;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>A whole practice in the vocabulary of the exchange format, with the lineage and the meetings the caller may see.</summary>
public sealed record PracticeResponse(
    Guid Id,
    string ExternalId,
    string Organization,
    string Language,
    string Title,
    string Summary,
    string Problem,
    string Approach,
    string Results,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Themes,
    string Tlp,
    string Status,
    string Evidence,
    string? StartedOn,
    ContactResponse Contact,
    string? AdaptedFrom,
    AdaptationResponse Adaptation,
    IReadOnlyDictionary<string, TranslationResponse> Translations,
    LineageResponse Lineage,
    IReadOnlyList<PracticeMeetingResponse> Meetings,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public static PracticeResponse From(PracticeDetail p) => new(
        p.Id,
        p.ExternalId,
        p.OrganizationKey,
        p.Language,
        p.Title,
        p.Summary,
        p.Problem,
        p.Approach,
        p.Results,
        p.TargetGroups,
        p.Themes,
        p.Tlp.ToLabel(),
        p.Status.ToCode(),
        p.Evidence.ToCode(),
        p.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        new ContactResponse(p.ContactName, p.ContactEmail),
        p.Lineage.AdaptedFrom?.ExternalId,
        new AdaptationResponse(p.AdaptationContext, p.AdaptationChanges),
        p.Translations.ToDictionary(t => t.Language, t => new TranslationResponse(t.Title, t.Summary)),
        LineageResponse.From(p.Lineage),
        [.. p.Meetings.Select(m => new PracticeMeetingResponse(m.Id, m.Title, m.StartsAt, m.Tlp.ToLabel()))],
        p.CreatedAt,
        p.UpdatedAt);
}
