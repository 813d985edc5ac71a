namespace SafeBrussels.Exchange.Web.Features.Digests;

public sealed record DigestRecipient(Guid UserId, string Email, string DisplayName, string Language);
