using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// The one place a write learns who its author is now. A <see cref="Viewer"/> is what the session's principal said
/// when the page opened or the request arrived; an administrator may have changed the member's role or
/// organization, or deactivated them, since. Every command starts with <see cref="NowAsync"/> on its own
/// <see cref="ExchangeDbContext"/> and decides on what it returns, so that no open tab, on any instance, writes with
/// rights the database no longer gives.
/// </summary>
public static class ViewerStanding
{
    /// <summary>The message key of a refusal because the member's standing changed under an open page.</summary>
    public const string ChangedKey = "Error.StandingChanged";

    /// <summary>
    /// <paramref name="viewer"/> as the database holds them at this moment (role, organization), or null when the
    /// account is deactivated or deleted.
    /// </summary>
    public static async Task<Viewer?> NowAsync(this ExchangeDbContext db, Viewer viewer, CancellationToken cancellationToken = default)
    {
        var row = await db.Users.AsNoTracking()
            .Where(u => u.Id == viewer.UserId && u.IsActive && u.DeletedAt == null)
            .Select(u => new { u.OrganizationId, u.Role })
            .SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : viewer with { OrganizationId = row.OrganizationId, Role = row.Role };
    }

    /// <summary>
    /// The member as they stand now when <paramref name="allowed"/> holds for them; otherwise the refusal: the usual
    /// <paramref name="refusalKey"/> when the standing did not change, <see cref="ChangedKey"/> when it did (the page
    /// still showed a button the member may no longer use, so say why).
    /// </summary>
    public static async Task<(Viewer? Now, CommandResult? Refusal)> CheckAsync(
        this ExchangeDbContext db, Viewer viewer, Func<Viewer, bool> allowed, string refusalKey = "Error.Forbidden",
        CancellationToken cancellationToken = default)
    {
        var now = await db.NowAsync(viewer, cancellationToken);
        if (now is not null && allowed(now))
        {
            return (now, null);
        }

        var changed = now is null || now.Role != viewer.Role || now.OrganizationId != viewer.OrganizationId;
        return (null, CommandResult.Fail("", changed ? ChangedKey : refusalKey));
    }
}
