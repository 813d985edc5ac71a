using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

public sealed record InvitationView(InvitationState State, string Email, string OrganizationName, ExchangeRole Role, string Language);
