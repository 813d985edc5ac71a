using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record PracticeDetail(
    Guid Id,
    string ExternalId,
    Guid OrganizationId,
    string OrganizationKey,
    string OrganizationName,
    string Language,
    string Title,
    string Summary,
    string Problem,
    string Approach,
    string Results,
    IReadOnlyList<string> TargetGroups,
    IReadOnlyList<string> Themes,
    Tlp Tlp,
    PracticeStatus Status,
    EvidenceLevel Evidence,
    DateOnly? StartedOn,
    string ContactName,
    string ContactEmail,
    string AdaptationContext,
    string AdaptationChanges,
    IReadOnlyList<PracticeTranslation> Translations,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    bool CanEdit,
    PracticeLineage Lineage,
    IReadOnlyList<PracticeMeeting> Meetings)
{
    public bool IsAdaptation => Lineage.AdaptedFrom is not null || !string.IsNullOrEmpty(AdaptationChanges);

    public string TitleIn(string language) => PracticeText.TitleIn(language, Language, Title, Translations);
}
