namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// Something a member follows for their digest: exactly one of a theme (with its children), an organization,
/// a practice or a meeting.
/// </summary>
public sealed class Follow
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public Guid? ThemeId { get; set; }

    public Guid? OrganizationId { get; set; }

    public Guid? PracticeId { get; set; }

    public Guid? MeetingId { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
}
