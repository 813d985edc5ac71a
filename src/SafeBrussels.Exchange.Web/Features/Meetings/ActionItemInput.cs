namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed class ActionItemInput
{
    public string Title { get; set; } = "";

    public Guid? OwnerOrganizationId { get; set; }

    public Guid? OwnerUserId { get; set; }

    public DateOnly? Due { get; set; }

    public bool IsDone { get; set; }
}
