using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

public sealed record InvitationRequest(string Email, Guid OrganizationId, ExchangeRole Role, string? Language = null);
