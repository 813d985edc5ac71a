namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// The delivery ledger: one row per member and digest period, unique, written in the transaction that claims
/// the member for that period (docs/digests.md).
/// </summary>
public sealed class DigestDelivery
{
    public Guid UserId { get; set; }

    /// <summary>The scheduled instant the digest is for; the period ends there.</summary>
    public DateTimeOffset Period { get; set; }

    public DigestOutcome Outcome { get; set; }

    public DateTimeOffset RecordedAt { get; set; }

    public int Items { get; set; }

    public string? MessageId { get; set; }

    /// <summary>The server's answer when it refused the recipient for good.</summary>
    public string? Error { get; set; }
}
