using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Tokens;

public sealed record IssuedToken(CommandResult Result, string? Token = null);
