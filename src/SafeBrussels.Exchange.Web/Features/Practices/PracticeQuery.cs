using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

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
