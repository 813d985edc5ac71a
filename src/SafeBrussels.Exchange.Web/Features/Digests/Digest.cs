using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

public enum DigestItemKind
{
    Meeting,
    Practice,
    Adaptation,
    Comment,
}

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

public sealed record DigestActionItem(Guid MeetingId, string MeetingTitle, string Title, DateOnly Due, Tlp Tlp, bool Overdue);

/// <summary>The items of one theme (at most <see cref="DigestComposer.ItemsPerGroup"/>), and how many more there are.</summary>
public sealed record DigestGroup(string? ThemeKey, string Label, IReadOnlyList<DigestItem> Items, int More);

public sealed record DigestRecipient(Guid UserId, string Email, string DisplayName, string Language);

/// <summary>What one member receives for one period, composed with what they may see at sending time.</summary>
public sealed record Digest(
    DigestRecipient Recipient,
    DateTimeOffset Period,
    DateTimeOffset Since,
    IReadOnlyList<DigestGroup> Groups,
    IReadOnlyList<DigestActionItem> ActionItems)
{
    public int ItemCount => Groups.Sum(g => g.Items.Count + g.More) + ActionItems.Count;

    public bool IsEmpty => ItemCount == 0;

    /// <summary>The most restrictive label among the items shown.</summary>
    public Tlp MostRestrictive => Groups.SelectMany(g => g.Items).Select(i => i.Tlp)
        .Concat(ActionItems.Select(a => a.Tlp))
        .DefaultIfEmpty(Tlp.Clear)
        .Max();
}
