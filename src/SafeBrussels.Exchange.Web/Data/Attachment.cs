namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A file attached to a meeting or a practice (exactly one), stored in PostgreSQL; visible exactly to those who see its record.</summary>
public sealed class Attachment : IWrittenUnder
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid? MeetingId { get; set; }

    public Meeting? Meeting { get; set; }

    public Guid? PracticeId { get; set; }

    public Practice? Practice { get; set; }

    public required string FileName { get; set; }

    /// <summary>The type found in the content's signature, never the one the browser declared.</summary>
    public required string ContentType { get; set; }

    public long Size { get; set; }

    public required byte[] Content { get; set; }

    public Guid? UploadedById { get; set; }

    public string UploadedByName { get; set; } = "";

    public DateTimeOffset UploadedAt { get; set; }

    /// <summary>The record's label and audience when this was written (<see cref="IWrittenUnder"/>).</summary>
    public Tlp Tlp { get; set; } = Tlp.Red;

    public Guid HostOrganizationId { get; set; }

    public List<Guid> PartnerOrganizationIds { get; set; } = [];

    public List<Guid> NamedUserIds { get; set; } = [];
}
