using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>One hit: for a comment, the title, themes and link are those of the practice or meeting it belongs to.</summary>
public sealed record SearchHit(
    string Type,
    Guid Id,
    string ExternalId,
    string Title,
    string Snippet,
    string Language,
    IReadOnlyList<string> Themes,
    string OrganizationKey,
    string OrganizationName,
    Tlp Tlp,
    DateTimeOffset Date,
    double Score,
    string Link);
