namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A comment or question on a practice or a meeting (exactly one of them), seen by whoever sees it.</summary>
public sealed class Comment : IWrittenUnder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? PracticeId { get; set; }

    public Practice? Practice { get; set; }

    public Guid? MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public Guid? AuthorId { get; set; }

    public ApplicationUser? Author { get; set; }

    public string AuthorName { get; set; } = "";

    /// <summary>Markdown, rendered sanitized like minutes.</summary>
    public required string Body { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? EditedAt { get; set; }

    /// <summary>The record's label and audience when this was written (<see cref="IWrittenUnder"/>).</summary>
    public Tlp Tlp { get; set; } = Tlp.Red;

    public Guid HostOrganizationId { get; set; }

    public List<Guid> PartnerOrganizationIds { get; set; } = [];

    public List<Guid> NamedUserIds { get; set; } = [];
}
