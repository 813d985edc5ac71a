using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Members;

public sealed record MemberSummary(
    Guid Id, string DisplayName, string Email, ExchangeRole Role, bool IsActive, DateTimeOffset CreatedAt, DateTimeOffset? DeactivatedAt);

/// <summary>The members of an organization, as its administrators (and platform administrators) manage them.</summary>
public sealed class MemberService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    SessionRevocations revocations,
    AuditTrail audit,
    TimeProvider time,
    ILogger<MemberService> logger)
{
    public async Task<IReadOnlyList<MemberSummary>> ListAsync(Viewer viewer, Guid organizationId, CancellationToken cancellationToken = default)
    {
        if (!viewer.CanManageMembersOf(organizationId))
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

        // The member's next request rebuilds their principal (security stamp validation) with the new role.
        return ChangeMemberAsync(viewer, userId, member => member.Role = role, AuditActions.MemberRoleChanged, cancellationToken);
    }

    /// <summary>Deactivates a member: every session they have ends at once, and they can no longer sign in.</summary>
    public async Task<CommandResult> DeactivateAsync(Viewer viewer, Guid userId, CancellationToken cancellationToken = default)
    {
        var result = await ChangeMemberAsync(viewer, userId, member =>
        {
            member.IsActive = false;
            member.DeactivatedAt = time.GetUtcNow();
            // A new security stamp invalidates every cookie issued before now.
            member.SecurityStamp = Guid.NewGuid().ToString("N");
        }, AuditActions.MemberDeactivated, cancellationToken);
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
        }, AuditActions.MemberReactivated, cancellationToken);

    private async Task<CommandResult> ChangeMemberAsync(
        Viewer viewer, Guid userId, Action<ApplicationUser> change, string action, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var member = await db.Users.SingleOrDefaultAsync(u => u.Id == userId, cancellationToken);
        var refusal = Check(viewer, member);
        if (refusal is not null)
        {
            return refusal;
        }

        var roleBefore = member!.Role;
        change(member);
        member.ConcurrencyStamp = Guid.NewGuid().ToString();
        var detail = action == AuditActions.MemberRoleChanged ? $"{roleBefore.ToName()} → {member.Role.ToName()}" : null;
        audit.Add(db, AuditEvent.By(viewer, action, AuditTargets.Member, userId.ToString(), member.OrganizationId, detail: detail));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("User {UserId}: {Change} by {ActorId}", userId, action, viewer.UserId);
        return CommandResult.Ok;
    }

    private static CommandResult? Check(Viewer viewer, ApplicationUser? member)
    {
        // A deleted (anonymized) account is gone for good: it cannot be reactivated or given a role.
        if (member is null || member.DeletedAt is not null || !viewer.CanManageMembersOf(member.OrganizationId))
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
