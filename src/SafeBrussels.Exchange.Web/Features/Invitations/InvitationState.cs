namespace SafeBrussels.Exchange.Web.Features.Invitations;

public enum InvitationState
{
    Valid,
    Unknown,
    Expired,
    AlreadyUsed,
    Withdrawn,
}
