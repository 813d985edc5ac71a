using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Security;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>
/// Invite-only membership: who may invite whom, and the single-use, seven-day links. An organization's own
/// administrators invite its members; a platform administrator invites only the first administrator of an organization
/// that has none. Every invitation sent or withdrawn is audited and mailed to the organization's administrators.
/// </summary>
public sealed class InvitationService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    InvitationMailer mailer,
    PublicLinks links,
    AuditTrail audit,
    Members.MembershipNotifier notifier,
    TimeProvider time,
    ILogger<InvitationService> logger)
{
    public static readonly TimeSpan Validity = TimeSpan.FromDays(7);

    public const string AcceptPath = "/Account/Invitation";

    /// <summary>
    /// Creates an invitation and mails it. <paramref name="inviter"/> is null for the operator's command line,
    /// which prints the link instead of mailing it when <paramref name="sendMail"/> is false.
    /// </summary>
    public async Task<InvitationOutcome> InviteAsync(Viewer? inviter, InvitationRequest request, bool sendMail = true, CancellationToken cancellationToken = default)
    {
        var email = (request.Email ?? "").Trim();
        if (email.Length == 0 || email.Length > 256 || !new EmailAddressAttribute().IsValid(email))
        {
            return InvitationOutcome.Failed("Email", "Validation.Email");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (inviter is not null)
        {
            var (standing, refusal) = await db.CheckAsync(inviter, v => v.IsOrgAdmin || v.IsPlatformAdmin, cancellationToken: cancellationToken);
            if (refusal is not null)
            {
                return new InvitationOutcome(refusal, null);
            }

            inviter = standing!;
            if (!inviter.CanManageMembersOf(request.OrganizationId))
            {
                if (!inviter.IsPlatformAdmin)
                {
                    return InvitationOutcome.Failed("", "Error.Forbidden");
                }

                // Another organization's: only its first administrator, while it has none.
                if (request.Role != ExchangeRole.OrgAdmin)
                {
                    return InvitationOutcome.Failed("Role", "Members.FirstAdministratorOnly");
                }

                if (await HasAdministratorAsync(db, request.OrganizationId, cancellationToken))
                {
                    return InvitationOutcome.Failed("", "Members.HasAdministrator");
                }
            }

            if (request.Role == ExchangeRole.PlatformAdmin && !inviter.IsPlatformAdmin)
            {
                return InvitationOutcome.Failed("Role", "Error.Forbidden");
            }
        }

        var organization = await db.Organizations.SingleOrDefaultAsync(o => o.Id == request.OrganizationId, cancellationToken);
        if (organization is null)
        {
            return InvitationOutcome.Failed("Organization", "Validation.UnknownOrganization");
        }

        var normalizedEmail = email.ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == normalizedEmail, cancellationToken))
        {
            return InvitationOutcome.Failed("Email", "Validation.EmailAlreadyMember");
        }

        var now = time.GetUtcNow();
        // A new invitation replaces any earlier one still pending for the same address.
        await db.Invitations
            .Where(i => i.NormalizedEmail == normalizedEmail && i.AcceptedAt == null && i.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(i => i.RevokedAt, now), cancellationToken);

        var token = SecretToken.Create();
        var invitation = new Invitation
        {
            Email = email,
            NormalizedEmail = normalizedEmail,
            OrganizationId = organization.Id,
            Role = request.Role,
            Language = SupportedLanguages.IsSupported(request.Language)
                ? request.Language!.ToLowerInvariant()
                : organization.WorkingLanguages.FirstOrDefault() ?? SupportedLanguages.Default,
            TokenHash = SecretToken.Hash(token),
            InvitedByUserId = inviter?.UserId,
            CreatedAt = now,
            ExpiresAt = now + Validity,
        };
        db.Invitations.Add(invitation);
        await db.SaveChangesAsync(cancellationToken);

        var link = links.Absolute(AcceptPath, new Dictionary<string, string?> { ["token"] = token });
        if (sendMail)
        {
            try
            {
                await mailer.SendAsync(invitation, organization.Name, inviter?.DisplayName ?? organization.Name, link, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // An invitation nobody received must not linger as pending.
                logger.LogError(ex, "Invitation mail could not be sent; invitation {InvitationId} withdrawn", invitation.Id);
                db.Invitations.Remove(invitation);
                await db.SaveChangesAsync(CancellationToken.None);
                return InvitationOutcome.Failed("", "Error.MailFailed");
            }
        }

        await audit.WriteAsync(AuditEvent.By(inviter, AuditActions.InvitationSent, AuditTargets.Invitation, invitation.Id.ToString(), organization.Id,
            detail: $"{email} ({request.Role.ToName()})"), CancellationToken.None);
        logger.LogInformation("Invitation {InvitationId} created for organization {OrganizationKey} as {Role}", invitation.Id, organization.Key, request.Role);
        await notifier.NotifyAsync(inviter, organization.Id, AuditActions.InvitationSent, email, request.Role, cancellationToken: CancellationToken.None);
        return new InvitationOutcome(CommandResult.Ok, link);
    }

    /// <summary>
    /// Whether the organization has an administrator: then only its administrators invite its members. A deactivated
    /// administrator still counts (deactivating them all must not reopen the organization to another city's platform
    /// administrator); only an organization whose administrators are all gone (deleted) gets a first one again.
    /// </summary>
    public async Task<bool> HasAdministratorAsync(Guid organizationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await HasAdministratorAsync(db, organizationId, cancellationToken);
    }

    internal static Task<bool> HasAdministratorAsync(ExchangeDbContext db, Guid organizationId, CancellationToken cancellationToken) =>
        db.Users.AnyAsync(u => u.OrganizationId == organizationId && u.DeletedAt == null
            && (u.Role == ExchangeRole.OrgAdmin || u.Role == ExchangeRole.PlatformAdmin), cancellationToken);

    public async Task<IReadOnlyList<PendingInvitation>> ListPendingAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanOverseeMembersOf(organizationId))
        {
            return [];
        }

        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Invitations
            .Where(i => i.OrganizationId == organizationId && i.AcceptedAt == null && i.RevokedAt == null && i.ExpiresAt > now)
            .OrderByDescending(i => i.CreatedAt)
            .Select(i => new PendingInvitation(i.Id, i.Email, i.Role, i.CreatedAt, i.ExpiresAt))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> RevokeAsync(Viewer viewer, Guid invitationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.IsOrgAdmin || v.IsPlatformAdmin, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        viewer = standing!;
        var invitation = await db.Invitations.SingleOrDefaultAsync(i => i.Id == invitationId, cancellationToken);
        // Its organization's administrators, or the platform administrator who sent it (a first administrator's).
        if (invitation is null || !(viewer.CanManageMembersOf(invitation.OrganizationId) || invitation.InvitedByUserId == viewer.UserId))
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        invitation.RevokedAt ??= time.GetUtcNow();
        audit.Add(db, AuditEvent.By(viewer, AuditActions.InvitationRevoked, AuditTargets.Invitation, invitation.Id.ToString(), invitation.OrganizationId,
            detail: invitation.Email));
        await db.SaveChangesAsync(cancellationToken);
        await notifier.NotifyAsync(viewer, invitation.OrganizationId, AuditActions.InvitationRevoked, invitation.Email, invitation.Role, cancellationToken: CancellationToken.None);
        return CommandResult.Ok;
    }
}
