using System.CommandLine;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Invitations;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Members;

/// <summary><c>users add</c>: how the first platform administrator of a fresh installation is made.</summary>
internal sealed class UsersAddCommand(
    ExchangeDbContext db,
    UserManager<ApplicationUser> userManager,
    InvitationService invitations,
    AuditTrail audit,
    MembershipNotifier notifier) : ICliCommand
{
    private static readonly Option<string> Email = new("--email") { Description = "the member's email address", HelpName = "E", Required = true };

    private static readonly Option<string> Organization = new("--org") { Description = "their organization's key", HelpName = "KEY", Required = true };

    private static readonly Option<string> Role = new("--role")
    {
        Description = "their role",
        HelpName = "platform-admin|org-admin|contributor|reader",
        Required = true,
    };

    private static readonly Option<string> Password = new("--password")
    {
        Description = "create the account with this password; without it, print a single-use invitation link valid 7 days",
        HelpName = "P",
    };

    private static readonly Option<string> ShownName = new("--name") { Description = "the name shown on the platform (default: the email)", HelpName = "N" };

    private static readonly Option<string> Language = new("--lang") { Description = "their language", HelpName = "fr|nl|en" };

    public static Command Definition { get; } =
        new("add", "Create a user, or an invitation link when no password is given.") { Email, Organization, Role, Password, ShownName, Language };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var email = parsed.RequireText(Email).Trim();
        var organizationKey = parsed.RequireText(Organization).Trim();
        if (!RoleNames.TryParse(parsed.RequireText(Role), out var role))
        {
            throw new CliException($"Unknown role '{parsed.GetValue(Role)}': use platform-admin, org-admin, contributor or reader.");
        }

        var language = parsed.GetValue(Language);
        if (language is not null && !SupportedLanguages.IsSupported(language))
        {
            throw new CliException($"Unknown language '{language}': use fr, nl or en.");
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Key == organizationKey, cancellationToken)
            ?? throw new CliException($"No organization has the key '{organizationKey}'.");

        var password = parsed.GetValue(Password);
        if (password is null)
        {
            var outcome = await invitations.InviteAsync(null, new InvitationRequest(email, organization.Id, role, language), sendMail: false, cancellationToken);
            if (!outcome.Result.Succeeded)
            {
                throw new CliException(Describe(outcome.Result.Errors.Values.First(), email));
            }

            await output.WriteLineAsync($"Invitation created for {email} ({role.ToName()} of {organization.Key}); valid 7 days, single use:");
            await output.WriteLineAsync(outcome.Link);
            return 0;
        }

        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = parsed.GetValue(ShownName) ?? email,
            OrganizationId = organization.Id,
            Role = role,
            PreferredLanguage = language?.ToLowerInvariant(),
        };
        var result = await userManager.CreateAsync(user, password);
        if (!result.Succeeded)
        {
            throw new CliException(string.Join(" ", result.Errors.Select(e => e.Description)));
        }

        // Made on the command line: no member acted.
        await audit.WriteAsync(new AuditEvent(AuditActions.MemberAdded, null, null, AuditTargets.Member, user.Id.ToString(), organization.Id,
            Detail: $"{email} ({role.ToName()}), command line"), cancellationToken);
        await notifier.NotifyAsync(null, organization.Id, AuditActions.MemberAdded, $"{user.DisplayName} <{email}>", role, cancellationToken: cancellationToken);
        await output.WriteLineAsync($"User {email} created ({role.ToName()} of {organization.Key}).");
        return 0;
    }

    private static string Describe(string key, string email) => key switch
    {
        "Validation.Email" => $"'{email}' is not a valid email address.",
        "Validation.EmailAlreadyMember" => $"A user with the email '{email}' already exists.",
        _ => key,
    };
}
