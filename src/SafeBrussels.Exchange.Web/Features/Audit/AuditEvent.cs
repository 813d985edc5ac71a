using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>What happened, to be written to the audit trail; see <see cref="AuditEntry"/>.</summary>
public sealed record AuditEvent(
    string Action,
    Guid? ActorId,
    Guid? ActorOrganizationId,
    string? TargetType = null,
    string? TargetId = null,
    Guid? TargetOrganizationId = null,
    Tlp? Tlp = null,
    string? Detail = null)
{
    public static AuditEvent By(Viewer? actor, string action, string? targetType = null, string? targetId = null,
        Guid? targetOrganizationId = null, Tlp? tlp = null, string? detail = null) =>
        new(action, actor?.UserId, actor?.OrganizationId, targetType, targetId, targetOrganizationId, tlp, detail);

    public static AuditEvent By(ApplicationUser actor, string action, string? detail = null) =>
        new(action, actor.Id, actor.OrganizationId, AuditTargets.Member, actor.Id.ToString(), actor.OrganizationId, Detail: detail);
}
