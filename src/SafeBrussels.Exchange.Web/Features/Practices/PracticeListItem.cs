using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record PracticeListItem(
    Guid Id,
    string ExternalId,
    string Title,
    string Summary,
    string OrganizationKey,
    string OrganizationName,
    string Language,
    Tlp Tlp,
    IReadOnlyList<string> Themes,
    EvidenceLevel Evidence,
    PracticeStatus Status,
    string? AdaptedFrom,
    IReadOnlyList<PracticeTranslation> Translations,
    DateTimeOffset UpdatedAt)
{
    /// <summary>The title in <paramref name="language"/> when a translation exists, else the original.</summary>
    public string TitleIn(string language) => PracticeText.TitleIn(language, Language, Title, Translations);

    public string SummaryIn(string language) => PracticeText.SummaryIn(language, Language, Summary, Translations);
}
