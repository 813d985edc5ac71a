namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>The outcome of a save: the new id and version, or the problems; on a conflict, the record as it now is.</summary>
public sealed record MeetingSaveOutcome(Infrastructure.CommandResult Result, Guid? Id = null, uint? Version = null, MeetingDetail? Current = null)
{
    public const string ConflictKey = "Meetings.Conflict";

    public bool IsConflict => Result.ErrorFor("") == ConflictKey;
}
