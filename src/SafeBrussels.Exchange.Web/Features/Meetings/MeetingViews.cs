using SafeBrussels.Exchange.Web.Data;

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

public sealed record MeetingListItem(
    Guid Id,
    string? ExternalId,
    string Title,
    string OrganizationKey,
    string OrganizationName,
    Tlp Tlp,
    DateTimeOffset StartsAt,
    IReadOnlyList<string> Themes,
    string Language);

public sealed record MeetingDetail(
    Guid Id,
    string? ExternalId,
    Guid HostOrganizationId,
    string OrganizationKey,
    string OrganizationName,
    IReadOnlyList<OrganizationRef> Participants,
    string Title,
    DateTimeOffset StartsAt,
    DateTimeOffset? EndsAt,
    MeetingMode Mode,
    string Location,
    string Language,
    IReadOnlyList<string> Themes,
    Tlp Tlp,
    IReadOnlyList<AgendaItemInput> Agenda,
    string Minutes,
    IReadOnlyList<string> Decisions,
    IReadOnlyList<ActionItemView> ActionItems,
    IReadOnlyList<AttendeeView> Attendees,
    Guid? AuthorId,
    string? AuthorName,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    uint Version,
    bool CanEdit,
    IReadOnlyList<Practices.PracticeOption> Practices,
    DateTimeOffset? MinutesArchivedAt = null);

public sealed record OrganizationRef(Guid Id, string Key, string Name);

public sealed record ActionItemView(
    Guid Id, string Title, Guid? OwnerOrganizationId, string? OwnerOrganizationKey, string? OwnerOrganizationName,
    Guid? OwnerUserId, string? OwnerUserName, DateOnly? Due, bool IsDone);

public sealed record AttendeeView(Guid? UserId, string Name);

public sealed record PersonOption(Guid Id, string Name, string OrganizationName);

/// <summary>The outcome of a save: the new id and version, or the problems; on a conflict, the record as it now is.</summary>
public sealed record MeetingSaveOutcome(Infrastructure.CommandResult Result, Guid? Id = null, uint? Version = null, MeetingDetail? Current = null)
{
    public const string ConflictKey = "Meetings.Conflict";

    public bool IsConflict => Result.ErrorFor("") == ConflictKey;
}

/// <param name="Tlp">The label the version was written under.</param>
/// <param name="ChangedFields">What changed from the version before; null when the viewer may not read that one.</param>
public sealed record RevisionView(int Number, string AuthorName, DateTimeOffset SavedAt, Tlp Tlp, IReadOnlyList<string>? ChangedFields, MeetingInput Content);

/// <param name="Withheld">How many versions were written under a label or audience that excludes the viewer.</param>
public sealed record MeetingHistory(Guid MeetingId, string Title, IReadOnlyList<RevisionView> Revisions, int Withheld = 0);

public sealed record MyActionItem(
    Guid Id, Guid MeetingId, string MeetingTitle, string Title, string? OwnerName, DateOnly? Due, bool IsOverdue);

/// <summary>A meeting as a calendar shows it: no minutes, no agenda.</summary>
public sealed record CalendarEvent(
    Guid Id, string Title, string OrganizationName, Tlp Tlp, DateTimeOffset StartsAt, DateTimeOffset? EndsAt, string Location, DateTimeOffset UpdatedAt, string Language);
