using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Security;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>
/// The invited person's side: look the link up, then set a password. Runs in the request scope of the
/// static sign-in pages, where UserManager and the DbContext share one unit of work.
/// </summary>
public sealed class InvitationAcceptance(
    ExchangeDbContext db,
    UserManager<ApplicationUser> userManager,
    AuditTrail audit,
    Members.MembershipNotifier notifier,
    TimeProvider time,
    ILogger<InvitationAcceptance> logger)
{
    public async Task<InvitationView> LookupAsync(string? token, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return new InvitationView(InvitationState.Unknown, "", "", ExchangeRole.Reader, "");
        }

        return new InvitationView(StateOf(invitation), invitation.Email, invitation.Organization!.Name, invitation.Role, invitation.Language);
    }

    /// <summary>The language an invitation was sent in, whatever its state; null for an unknown token.</summary>
    public async Task<string?> LanguageOfAsync(string? token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.Hash(token);
        return await db.Invitations.AsNoTracking().Where(i => i.TokenHash == hash).Select(i => i.Language).SingleOrDefaultAsync(cancellationToken);
    }

    public async Task<CommandResult> AcceptAsync(string? token, string displayName, string password, CancellationToken cancellationToken = default)
    {
        var invitation = await FindAsync(token, cancellationToken);
        if (invitation is null)
        {
            return CommandResult.Fail("", "Invitation.Unknown");
        }

        var state = StateOf(invitation);
        if (state != InvitationState.Valid)
        {
            return CommandResult.Fail("", $"Invitation.{state}");
        }

        if (TextRules.Required(displayName, FieldLengths.Name) is { } invalidName)
        {
            return CommandResult.Fail("DisplayName", invalidName);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return await strategy.ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

            // Claim the invitation first: of two concurrent submissions only one can flip accepted_at.
            var now = time.GetUtcNow();
            var claimed = await db.Invitations
                .Where(i => i.Id == invitation.Id && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.AcceptedAt, now), cancellationToken);
            if (claimed == 0)
            {
                return CommandResult.Fail("", "Invitation.AlreadyUsed");
            }

            // Sent by someone outside the organization (a platform administrator inviting its first administrator): valid
            // only as that, and only while the organization still has no administrator. This also voids such invitations
            // sent before the rule, and the other first-administrator invitations once one is accepted.
            if (invitation.InvitedByUserId is { } inviterId
                && !await db.Users.AnyAsync(u => u.Id == inviterId && u.OrganizationId == invitation.OrganizationId, cancellationToken)
                && (invitation.Role != ExchangeRole.OrgAdmin || await InvitationService.HasAdministratorAsync(db, invitation.OrganizationId, cancellationToken)))
            {
                await transaction.RollbackAsync(cancellationToken);
                return CommandResult.Fail("", "Invitation.Withdrawn");
            }

            var user = new ApplicationUser
            {
                UserName = invitation.Email,
                Email = invitation.Email,
                EmailConfirmed = true,
                DisplayName = displayName.Trim(),
                OrganizationId = invitation.OrganizationId,
                Role = invitation.Role,
                PreferredLanguage = invitation.Language,
            };
            var created = await userManager.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                await transaction.RollbackAsync(cancellationToken);
                var field = created.Errors.Any(e => e.Code.StartsWith("Password", StringComparison.Ordinal)) ? "Password" : "";
                return new CommandResult(new Dictionary<string, string> { [field] = string.Join(" ", created.Errors.Select(e => e.Description)) });
            }

            audit.Add(db, new AuditEvent(AuditActions.InvitationAccepted, user.Id, user.OrganizationId, AuditTargets.Invitation,
                invitation.Id.ToString(), invitation.OrganizationId, Detail: invitation.Role.ToName()));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Invitation {InvitationId} accepted by user {UserId}", invitation.Id, user.Id);
            await notifier.NotifyAsync(
                new Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName), user.OrganizationId, AuditActions.InvitationAccepted,
                $"{user.DisplayName} <{user.Email}>", user.Role, cancellationToken: CancellationToken.None);
            return CommandResult.Ok;
        });
    }

    private async Task<Invitation?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.Hash(token);
        return await db.Invitations.AsNoTracking()
            .Include(i => i.Organization)
            .SingleOrDefaultAsync(i => i.TokenHash == hash, cancellationToken);
    }

    private InvitationState StateOf(Invitation invitation) => invitation switch
    {
        { AcceptedAt: not null } => InvitationState.AlreadyUsed,
        { RevokedAt: not null } => InvitationState.Withdrawn,
        _ when invitation.ExpiresAt <= time.GetUtcNow() => InvitationState.Expired,
        _ => InvitationState.Valid,
    };
}
