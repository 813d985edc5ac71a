using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Members;

/// <summary>
/// The members of an organization, as its own administrators manage them. A platform administrator of another organization
/// sees the list and may deactivate an account in an emergency, nothing else. Every change is audited and mailed to the
/// organization's administrators (<see cref="MembershipNotifier"/>).
/// </summary>
public sealed class MemberService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    SessionRevocations revocations,
    AuditTrail audit,
    MembershipNotifier notifier,
    TimeProvider time,
    ILogger<MemberService> logger)
{
    public async Task<IReadOnlyList<MemberSummary>> ListAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanOverseeMembersOf(organizationId))
        {
            return [];
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users
            .Where(u => u.OrganizationId == organizationId)
            .OrderByDescending(u => u.IsActive).ThenBy(u => u.DisplayName)
            .Select(u => new MemberSummary(u.Id, u.DisplayName, u.Email ?? "", u.Role, u.IsActive, u.CreatedAt, u.DeactivatedAt))
            .ToListAsync(cancellationToken);
    }

    public Task<CommandResult> ChangeRoleAsync(Viewer viewer, Guid userId, ExchangeRole role, CancellationToken cancellationToken = default)
    {
        if (role == ExchangeRole.PlatformAdmin && !viewer.IsPlatformAdmin)
        {
            return Task.FromResult(CommandResult.Fail("Role", "Error.Forbidden"));
        }

        // A new security stamp ends the member's sessions on every instance: their next request (cookie validation on
        // each request) and their open pages (circuit revalidation, within a minute) sign them out, and they sign in
        // again with the new role. Until then any write they send is refused on the role the database holds
        // (ViewerStanding).
        return ChangeMemberAsync(viewer, userId, member =>
        {
            member.Role = role;
            member.SecurityStamp = Guid.NewGuid().ToString("N");
        }, AuditActions.MemberRoleChanged, emergencyAllowed: false, cancellationToken);
    }

    /// <summary>
    /// Deactivates a member: every session they have ends at once, and they can no longer sign in. Their organization's
    /// administrators may; so may any platform administrator, as an emergency measure (audited as such, and the
    /// organization's administrators are told).
    /// </summary>
    public async Task<CommandResult> DeactivateAsync(Viewer viewer, Guid userId, CancellationToken cancellationToken = default)
    {
        var result = await ChangeMemberAsync(viewer, userId, member =>
        {
            member.IsActive = false;
            member.DeactivatedAt = time.GetUtcNow();
            // A new security stamp invalidates every cookie issued before now.
            member.SecurityStamp = Guid.NewGuid().ToString("N");
        }, AuditActions.MemberDeactivated, emergencyAllowed: true, cancellationToken);
        if (result.Succeeded)
        {
            revocations.Revoke(userId);
        }

        return result;
    }

    public Task<CommandResult> ReactivateAsync(Viewer viewer, Guid userId, CancellationToken cancellationToken = default) =>
        ChangeMemberAsync(viewer, userId, member =>
        {
            member.IsActive = true;
            member.DeactivatedAt = null;
        }, AuditActions.MemberReactivated, emergencyAllowed: false, cancellationToken);

    private async Task<CommandResult> ChangeMemberAsync(
        Viewer viewer, Guid userId, Action<ApplicationUser> change, string action, bool emergencyAllowed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.IsOrgAdmin || v.IsPlatformAdmin, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        viewer = standing!;
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        if (Check(viewer, member, emergencyAllowed) is { } refused)
        {
            return refused;
        }

        var emergency = !viewer.CanManageMembersOf(member!.OrganizationId);
        var roleBefore = member.Role;
        change(member);
        member.ConcurrencyStamp = Guid.NewGuid().ToString();
        var detail = action == AuditActions.MemberRoleChanged ? $"{roleBefore.ToName()} → {member.Role.ToName()}"
            : emergency ? "emergency measure by a platform administrator of another organization" : null;
        audit.Add(db, AuditEvent.By(viewer, action, AuditTargets.Member, userId.ToString(), member.OrganizationId, detail: detail));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId}: {Change} by {ActorId}", userId, action, viewer.UserId);
        await notifier.NotifyAsync(viewer, member.OrganizationId, action, member.DisplayName,
            action == AuditActions.MemberRoleChanged ? member.Role : null, emergency, CancellationToken.None);
        return CommandResult.Ok;
    }

    private static CommandResult? Check(Viewer viewer, ApplicationUser? member, bool emergencyAllowed)
    {
        // A deleted (anonymized) account is gone for good: it cannot be reactivated or given a role.
        if (member is null || member.DeletedAt is not null
            || !(viewer.CanManageMembersOf(member.OrganizationId) || (emergencyAllowed && viewer.IsPlatformAdmin)))
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        if (member.Id == viewer.UserId)
        {
            return CommandResult.Fail("", "Members.CannotChangeSelf");
        }

        // Only a platform administrator may act on another platform administrator.
        if (member.Role == ExchangeRole.PlatformAdmin && !viewer.IsPlatformAdmin)
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        return null;
    }
}
