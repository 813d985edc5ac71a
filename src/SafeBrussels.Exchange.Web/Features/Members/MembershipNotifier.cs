using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Web;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Members;

/// <summary>
/// Tells an organization's administrators, by mail at once, of every change to its membership: an invitation sent or
/// withdrawn, a member who joined, a role changed, an account deactivated (an emergency one by a platform administrator
/// too) or reactivated. Each active administrator of the organization is told in their own language, except the person
/// who made the change. A relay problem never undoes the change: it is logged, and the audit trail keeps the change.
/// </summary>
public sealed class MembershipNotifier(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IMailSender sender,
    PublicLinks links,
    IStringLocalizer<SharedResource> localizer,
    ILogger<MembershipNotifier> logger)
{
    /// <param name="actor">Who made the change; null for the operator's command line.</param>
    /// <param name="action">The audit action (<see cref="AuditActions"/>) the change was recorded under.</param>
    /// <param name="member">Whom it is about: a member's name, or an invited address.</param>
    /// <param name="role">The role concerned (the new one for a role change), if any.</param>
    /// <param name="emergency">A platform administrator of another organization deactivated the account.</param>
    public async Task NotifyAsync(
        Viewer? actor, Guid organizationId, string action, string member, ExchangeRole? role = null, bool emergency = false,
        CancellationToken cancellationToken = default)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            var organization = await db.Organizations.AsNoTracking().Where(o => o.Id == organizationId)
                .Select(o => new { o.Name, o.WorkingLanguages }).SingleAsync(cancellationToken);
            var actorOrganization = actor is null
                ? null
                : await db.Organizations.AsNoTracking().Where(o => o.Id == actor.OrganizationId).Select(o => o.Name).SingleOrDefaultAsync(cancellationToken);
            var actorId = actor?.UserId ?? Guid.Empty;
            var administrators = await db.Users.AsNoTracking()
                .Where(u => u.OrganizationId == organizationId && u.IsActive && u.DeletedAt == null && u.Email != null && u.Id != actorId
                    && (u.Role == ExchangeRole.OrgAdmin || u.Role == ExchangeRole.PlatformAdmin))
                .Select(u => new { u.Email, u.DisplayName, u.EmailLanguage, u.PreferredLanguage })
                .ToListAsync(cancellationToken);
            foreach (var administrator in administrators)
            {
                var language = new[] { administrator.EmailLanguage, administrator.PreferredLanguage, organization.WorkingLanguages.FirstOrDefault() }
                    .FirstOrDefault(SupportedLanguages.IsSupported) ?? SupportedLanguages.Default;
                var by = actor is null
                    ? Localized(language, "Mail.Membership.ByOperator")
                    : actorOrganization is null ? actor.DisplayName : $"{actor.DisplayName} ({actorOrganization})";
                await sender.SendAsync(Compose(administrator.Email!, administrator.DisplayName, language, organization.Name, by, action, member, role, emergency), cancellationToken);
            }

            logger.LogInformation("Membership change {Action} in organization {OrganizationId}: {Count} administrators told", action, organizationId, administrators.Count);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Could not tell the administrators of organization {OrganizationId} of {Action}", organizationId, action);
        }
    }

    private string Localized(string language, string key)
    {
        using var scope = CultureScope.Use(language);
        return localizer[key].Value;
    }

    private MailContent Compose(
        string email, string name, string language, string organization, string by, string action, string member, ExchangeRole? role, bool emergency)
    {
        using var scope = CultureScope.Use(language);
        var roleName = role is { } r ? localizer[$"Role.{r.ToName()}"].Value : "";
        var what = emergency ? "Mail.Membership.member.emergency-deactivated" : $"Mail.Membership.{action}";
        var (text, html) = MailLayout.Render(
            localizer["Mail.Membership.Heading", organization].Value,
            [localizer[what, by, member, roleName].Value, localizer["Mail.Membership.Why"].Value],
            localizer["Mail.Membership.Action"].Value,
            links.Absolute("/members"),
            localizer["Mail.Footer"].Value,
            language);
        return new MailContent(email, name, localizer["Mail.Membership.Subject", organization].Value, text, html, language);
    }
}
