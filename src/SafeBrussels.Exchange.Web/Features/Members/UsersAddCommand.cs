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
    public string Usage =>
        "users add --email E --org KEY --role platform-admin|org-admin|contributor|reader [--password P] [--name N] [--lang fr|nl|en]";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "email", "org", "role", "password", "name", "lang" });
        var email = parsed.Require("email").Trim();
        var organizationKey = parsed.Require("org").Trim();
        if (!RoleNames.TryParse(parsed.Require("role"), out var role))
        {
            throw new CliException($"Unknown role '{parsed.Get("role")}': use platform-admin, org-admin, contributor or reader.");
        }

        var language = parsed.Get("lang");
        if (language is not null && !SupportedLanguages.IsSupported(language))
        {
            throw new CliException($"Unknown language '{language}': use fr, nl or en.");
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Key == organizationKey, cancellationToken)
            ?? throw new CliException($"No organization has the key '{organizationKey}'.");

        var password = parsed.Get("password");
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
            DisplayName = parsed.Get("name") ?? email,
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
