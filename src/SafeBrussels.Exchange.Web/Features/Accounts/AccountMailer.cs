using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>The mails Identity itself asks for (password reset), in the member's language.</summary>
internal sealed class AccountMailer(IMailSender sender, IStringLocalizer<SharedResource> localizer) : IEmailSender<ApplicationUser>
{
    public Task SendConfirmationLinkAsync(ApplicationUser user, string email, string confirmationLink) =>
        SendAsync(user, email, "Mail.Confirm", confirmationLink);

    public Task SendPasswordResetLinkAsync(ApplicationUser user, string email, string resetLink) =>
        SendAsync(user, email, "Mail.Reset", resetLink);

    public Task SendPasswordResetCodeAsync(ApplicationUser user, string email, string resetCode) =>
        throw new NotSupportedException("Password resets are sent as links.");

    private async Task SendAsync(ApplicationUser user, string email, string kind, string link)
    {
        var language = new[] { user.EmailLanguage, user.PreferredLanguage }.FirstOrDefault(SupportedLanguages.IsSupported) ?? SupportedLanguages.Current;
        MailContent content;
        using (CultureScope.Use(language))
        {
            var (text, html) = MailLayout.Render(
                localizer[$"{kind}.Heading"].Value,
                [localizer["Mail.Greeting", user.DisplayName].Value, localizer[$"{kind}.Body"].Value, localizer[$"{kind}.Ignore"].Value],
                localizer[$"{kind}.Action"].Value,
                link,
                localizer["Mail.Footer"].Value,
                language);
            content = new MailContent(email, user.DisplayName, localizer[$"{kind}.Subject"].Value, text, html, language);
        }

        await sender.SendAsync(content);
    }
}
