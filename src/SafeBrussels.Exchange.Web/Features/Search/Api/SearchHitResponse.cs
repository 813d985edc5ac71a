using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Search.Api;

/// <summary>One hit: a practice, a meeting or a comment (with the title, themes and link of what it belongs to), a snippet with the matches marked, and its score.</summary>
public sealed record SearchHitResponse(
    string Type,
    Guid Id,
    string ExternalId,
    string Title,
    string Snippet,
    string Language,
    IReadOnlyList<string> Themes,
    string Organization,
    string Tlp,
    DateTimeOffset Date,
    double Score,
    string Link)
{
    public static SearchHitResponse From(SearchHit h) => new(
        h.Type, h.Id, h.ExternalId, h.Title, h.Snippet, h.Language, h.Themes, h.OrganizationKey, h.Tlp.ToLabel(), h.Date, Math.Round(h.Score, 4), h.Link);
}
