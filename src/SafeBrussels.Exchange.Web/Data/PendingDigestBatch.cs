namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// A digest batch handed to the job queue and not known to have ended: its job, its period and its members. The
/// recurring look leaves these members out, so that each look does not add another job for them (docs/digests.md).
/// </summary>
public sealed class PendingDigestBatch
{
    /// <summary>The background job's id.</summary>
    public string JobId { get; set; } = "";

    public DateTimeOffset Period { get; set; }

    public Guid[] UserIds { get; set; } = [];

    public DateTimeOffset EnqueuedAt { get; set; }
}
