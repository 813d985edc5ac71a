namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <param name="Withheld">How many versions were written under a label or audience that excludes the viewer.</param>
public sealed record MeetingHistory(Guid MeetingId, string Title, IReadOnlyList<RevisionView> Revisions, int Withheld = 0);
