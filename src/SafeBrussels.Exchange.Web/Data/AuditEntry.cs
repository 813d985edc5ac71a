namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// One line of the audit trail: who did what to what, when and from where. Append-only: the database refuses every
/// update, and every delete except the retention purge of entries older than the configured retention
/// (<c>audit_purge</c>). Only identifiers are kept, never content, so that the trail itself leaks nothing.
/// </summary>
public sealed class AuditEntry
{
    public long Id { get; set; }

    public DateTimeOffset OccurredAt { get; set; }

    /// <summary>The member who acted; null for an unknown account (a failed sign-in) or the command line.</summary>
    public Guid? ActorId { get; set; }

    public Guid? ActorOrganizationId { get; set; }

    /// <summary>One of <see cref="Features.Audit.AuditActions"/>.</summary>
    public required string Action { get; set; }

    /// <summary>meeting, practice, comment, attachment, member, invitation, api-token, feed-token, organization.</summary>
    public string? TargetType { get; set; }

    public string? TargetId { get; set; }

    /// <summary>The organization the target belongs to (a record's owner, a member's organization).</summary>
    public Guid? TargetOrganizationId { get; set; }

    /// <summary>The record's TLP label at the time, for content entries.</summary>
    public string? Tlp { get; set; }

    /// <summary>A short, content-free detail: "AMBER → RED", "reader → contributor", an attempted email.</summary>
    public string? Detail { get; set; }

    public string? ClientAddress { get; set; }
}
