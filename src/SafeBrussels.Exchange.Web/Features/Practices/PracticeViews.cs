using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

public enum PracticeSort
{
    Newest,
    Updated,
    Title,
}

/// <summary>Filters of the catalogue and the API: theme (with its children), organization, language, evidence, status, created in [From, Before).</summary>
public sealed record PracticeQuery(
    string? Theme = null,
    string? Organization = null,
    string? Language = null,
    EvidenceLevel? Evidence = null,
    PracticeStatus? Status = null,
    PracticeSort Sort = PracticeSort.Newest,
    int Page = 1,
    int PageSize = 20,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null)
{
    public const int MaxPageSize = 100;
}

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

public sealed record PracticeMeeting(Guid Id, string Title, DateTimeOffset StartsAt, string OrganizationName, Tlp Tlp);

public sealed record PracticeOption(Guid Id, string Title, string OrganizationName, string Language);

public sealed record PracticeSaveOutcome(Infrastructure.CommandResult Result, Guid? Id = null, uint? Version = null, PracticeDetail? Current = null)
{
    public const string ConflictKey = "Practices.Conflict";

    public bool IsConflict => Result.ErrorFor("") == ConflictKey;
}

internal static class PracticeText
{
    /// <summary>
    /// The translation to show a reader of <paramref name="wanted"/> first: one in that language with a title, unless
    /// the practice is written in it. The catalogue, the practice page and the digest follow this one rule.
    /// </summary>
    public static PracticeTranslation? TranslationFor(string wanted, string original, IReadOnlyList<PracticeTranslation> translations) =>
        wanted == original ? null : translations.FirstOrDefault(t => t.Language == wanted && t.Title.Length > 0);

    public static string TitleIn(string wanted, string original, string title, IReadOnlyList<PracticeTranslation> translations) =>
        TranslationFor(wanted, original, translations)?.Title ?? title;

    public static string SummaryIn(string wanted, string original, string summary, IReadOnlyList<PracticeTranslation> translations) =>
        wanted == original ? summary : translations.FirstOrDefault(t => t.Language == wanted && t.Summary.Length > 0)?.Summary ?? summary;
}
