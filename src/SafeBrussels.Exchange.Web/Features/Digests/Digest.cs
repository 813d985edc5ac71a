using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

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
