namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// Filters of the meeting list: theme (with its children), organization (host or participant), start in
/// [<paramref name="From"/>, <paramref name="Before"/>).
/// </summary>
public sealed record MeetingQuery(
    string? Theme = null,
    string? Organization = null,
    DateTimeOffset? From = null,
    DateTimeOffset? Before = null,
    int Page = 1,
    int PageSize = 20,
    bool OldestFirst = false)
{
    public const int MaxPageSize = 100;
}
