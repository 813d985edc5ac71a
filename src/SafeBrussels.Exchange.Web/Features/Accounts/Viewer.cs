using System.Security.Claims;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>The signed-in person as every feature sees them: who, from which organization, with which role.</summary>
public sealed record Viewer(Guid UserId, Guid OrganizationId, ExchangeRole Role, string DisplayName)
{
    public bool IsPlatformAdmin => Role == ExchangeRole.PlatformAdmin;

    public bool IsOrgAdmin => Role == ExchangeRole.OrgAdmin;

    /// <summary>Organization administrators may also record content for their organization.</summary>
    public bool CanContribute => Role is ExchangeRole.Contributor or ExchangeRole.OrgAdmin;

    /// <summary>
    /// Whether this viewer may invite, promote, demote, deactivate and reactivate the members of
    /// <paramref name="organizationId"/>, and set its usual themes and two-factor rule: its own administrators only
    /// (an organization administrator, or a platform administrator, of that organization). No administrator of
    /// another organization may, or they could add themselves to it and read what it keeps (docs/security.md).
    /// </summary>
    public bool CanManageMembersOf(Guid organizationId) =>
        (IsOrgAdmin || IsPlatformAdmin) && organizationId == OrganizationId;

    /// <summary>
    /// Whether this viewer may see who the members of <paramref name="organizationId"/> are: its administrators, and
    /// platform administrators, who invite an organization's first administrator and may deactivate any account in an
    /// emergency (<see cref="Members.MemberService"/>, <see cref="Invitations.InvitationService"/>).
    /// </summary>
    public bool CanOverseeMembersOf(Guid organizationId) => IsPlatformAdmin || CanManageMembersOf(organizationId);

    public static Viewer? From(ClaimsPrincipal? principal)
    {
        if (principal?.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId)
            || !Guid.TryParse(principal.FindFirstValue(ExchangeClaims.OrganizationId), out var organizationId)
            || !RoleNames.TryParse(principal.FindFirstValue(ClaimTypes.Role), out var role))
        {
            return null;
        }

        return new Viewer(
            userId,
            organizationId,
            role,
            principal.FindFirstValue(ExchangeClaims.DisplayName) ?? principal.Identity.Name ?? "");
    }
}
