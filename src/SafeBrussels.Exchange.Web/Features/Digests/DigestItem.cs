using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// One line of a digest: a record that is new or changed, an adaptation, or a comment on a record. A practice's
/// <see cref="Title"/> is its translation in the mail's language when it has one, else its original, in
/// <see cref="TitleLanguage"/> (null when not known: meetings have no translations).
/// </summary>
public sealed record DigestItem(
    DigestItemKind Kind,
    Guid RecordId,
    bool OnMeeting,
    string Title,
    Tlp Tlp,
    bool IsNew,
    string Organization,
    string? Author,
    DateTimeOffset At,
    IReadOnlyList<Guid> ThemeIds,
    string? TitleLanguage = null);
