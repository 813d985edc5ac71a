using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

public sealed record InvitationOutcome(CommandResult Result, string? Link)
{
    public static InvitationOutcome Failed(string field, string key) => new(CommandResult.Fail(field, key), null);
}
