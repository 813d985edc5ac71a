using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <param name="Tlp">The label the version was written under.</param>
/// <param name="ChangedFields">What changed from the version before; null when the viewer may not read that one.</param>
public sealed record RevisionView(int Number, string AuthorName, DateTimeOffset SavedAt, Tlp Tlp, IReadOnlyList<string>? ChangedFields, MeetingInput Content);
