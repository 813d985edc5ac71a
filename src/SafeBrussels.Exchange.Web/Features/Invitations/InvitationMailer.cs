using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>Writes the invitation mail in the invited person's language.</summary>
public sealed class InvitationMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer)
{
    public async Task SendAsync(Invitation invitation, string organizationName, string inviterName, string link, CancellationToken cancellationToken = default)
    {
        MailContent content;
        using (CultureScope.Use(invitation.Language))
        {
            var role = localizer[$"Role.{invitation.Role.ToName()}"].Value;
            var expires = ExchangeTime.FormatDate(invitation.ExpiresAt);
            var heading = localizer["Mail.Invitation.Heading", organizationName].Value;
            var (text, html) = MailLayout.Render(
                heading,
                [
                    localizer["Mail.Invitation.Body", inviterName, organizationName, role].Value,
                    localizer["Mail.Invitation.Expiry", expires].Value,
                ],
                localizer["Mail.Invitation.Action"].Value,
                link,
                localizer["Mail.Footer"].Value,
                invitation.Language);
            content = new MailContent(invitation.Email, null, localizer["Mail.Invitation.Subject", organizationName].Value, text, html, invitation.Language);
        }

        await sender.SendAsync(content, cancellationToken);
    }
}
