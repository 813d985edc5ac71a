using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure.Security;

namespace SafeBrussels.Exchange.Web.Features.Feeds;

/// <summary>
/// A member's feed token: made on first use, shown to its owner whenever they ask, replaced (and the old one revoked)
/// on request. A token opens the feeds as its member, under the same sharing rules, and only while the member is active.
/// </summary>
public sealed class FeedTokenService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IDataProtectionProvider protection,
    AuditTrail audit,
    TimeProvider time,
    ILogger<FeedTokenService> logger)
{
    public const string Prefix = "sbf_";

    private readonly IDataProtector _protector = protection.CreateProtector("SafeBrussels.Exchange.Feeds.Token.v1");

    /// <summary>The member's active token, made now if they have none (or if the keys that encrypted it are gone).</summary>
    public async Task<string> GetOrCreateAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.FeedTokens.AsNoTracking()
            .Where(t => t.UserId == viewer.UserId && t.RevokedAt == null)
            .Select(t => t.ProtectedToken)
            .SingleOrDefaultAsync(cancellationToken);
        if (stored is not null && Unprotect(stored) is { } token)
        {
            return token;
        }

        return await ReplaceAsync(viewer, cancellationToken);
    }

    /// <summary>A new token; the previous one stops working at once (every subscribed calendar and reader must be updated).</summary>
    public async Task<string> ReplaceAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var token = SecretToken.Create(Prefix);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var now = time.GetUtcNow();
            var revoked = await db.FeedTokens.Where(t => t.UserId == viewer.UserId && t.RevokedAt == null).Select(t => t.Id).ToListAsync(cancellationToken);
            await db.FeedTokens.Where(t => revoked.Contains(t.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
            db.ChangeTracker.Clear();
            var created = new FeedToken
            {
                UserId = viewer.UserId,
                TokenHash = SecretToken.Hash(token),
                ProtectedToken = _protector.Protect(token),
                CreatedAt = now,
            };
            db.FeedTokens.Add(created);
            foreach (var id in revoked)
            {
                audit.Add(db, AuditEvent.By(viewer, AuditActions.TokenRevoked, AuditTargets.FeedToken, id.ToString(), viewer.OrganizationId, detail: "replaced"));
            }

            audit.Add(db, AuditEvent.By(viewer, AuditActions.TokenCreated, AuditTargets.FeedToken, created.Id.ToString(), viewer.OrganizationId));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });
        logger.LogInformation("Feed token replaced for user {UserId}", viewer.UserId);
        return token;
    }

    /// <summary>The active member the token belongs to, as a viewer; null for an unknown or revoked token or a deactivated member.</summary>
    public async Task<Viewer?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.Hash(token);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.FeedTokens.AsNoTracking()
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.User!.IsActive)
            .Select(t => new { t.Id, t.LastUsedAt, Viewer = new Viewer(t.UserId, t.User!.OrganizationId, t.User.Role, t.User.DisplayName) })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Calendar clients poll every few minutes: record use at most once an hour.
        var now = time.GetUtcNow();
        if (found.LastUsedAt is null || now - found.LastUsedAt > TimeSpan.FromHours(1))
        {
            await db.FeedTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        }

        return found.Viewer;
    }

    private string? Unprotect(string stored)
    {
        try
        {
            return _protector.Unprotect(stored);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
