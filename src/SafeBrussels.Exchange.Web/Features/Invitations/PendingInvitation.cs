using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

public sealed record PendingInvitation(Guid Id, string Email, ExchangeRole Role, DateTimeOffset CreatedAt, DateTimeOffset ExpiresAt);
