using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Security;

namespace SafeBrussels.Exchange.Web.Features.Tokens;

/// <summary>Personal access tokens for the API: shown once, stored as a hash, revocable, expiring.</summary>
public sealed class TokenService(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit, TimeProvider time, ILogger<TokenService> logger)
{
    public const string Prefix = "sbx_";
    public const int MaxDays = 366;

    public async Task<IssuedToken> IssueAsync(Guid userId, string name, int days, CancellationToken cancellationToken = default)
    {
        name = (name ?? "").Trim();
        if (TextRules.Required(name, 100) is { } invalidName)
        {
            return new IssuedToken(CommandResult.Fail("Name", invalidName));
        }

        if (days < 1 || days > MaxDays)
        {
            return new IssuedToken(CommandResult.Fail("Days", "Validation.TokenDays"));
        }

        var token = SecretToken.Create(Prefix);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var issued = new PersonalAccessToken
        {
            UserId = userId,
            Name = name,
            TokenHash = SecretToken.Hash(token),
            Prefix = token[..10],
            CreatedAt = now,
            ExpiresAt = now.AddDays(days),
        };
        db.PersonalAccessTokens.Add(issued);
        var organizationId = await db.Users.Where(u => u.Id == userId).Select(u => (Guid?)u.OrganizationId).SingleOrDefaultAsync(cancellationToken);
        audit.Add(db, new AuditEvent(AuditActions.TokenCreated, userId, organizationId, AuditTargets.ApiToken, issued.Id.ToString(), organizationId,
            Detail: $"{issued.Prefix}…, {days} days"));
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Personal access token '{TokenName}' issued for user {UserId}, valid {Days} days", name, userId, days);
        return new IssuedToken(CommandResult.Ok, token);
    }

    public async Task<IReadOnlyList<TokenSummary>> ListAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.PersonalAccessTokens.AsNoTracking()
            .Where(t => t.UserId == viewer.UserId)
            .OrderByDescending(t => t.CreatedAt)
            .Select(t => new TokenSummary(t.Id, t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.LastUsedAt, t.RevokedAt == null && t.ExpiresAt > now))
            .ToListAsync(cancellationToken);
    }

    public async Task<CommandResult> RevokeAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var revoked = await db.PersonalAccessTokens
            .SingleOrDefaultAsync(t => t.Id == id && t.UserId == viewer.UserId && t.RevokedAt == null, cancellationToken);
        if (revoked is null)
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        revoked.RevokedAt = time.GetUtcNow();
        audit.Add(db, AuditEvent.By(viewer, AuditActions.TokenRevoked, AuditTargets.ApiToken, id.ToString(), viewer.OrganizationId, detail: $"{revoked.Prefix}…"));
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Personal access token {TokenId} revoked by its owner {UserId}", id, viewer.UserId);
        return CommandResult.Ok;
    }

    /// <summary>The active member a token belongs to, or null for an unknown, revoked or expired token or a deactivated member.</summary>
    public async Task<ApplicationUser?> AuthenticateAsync(string token, CancellationToken cancellationToken = default)
    {
        if (!token.StartsWith(Prefix, StringComparison.Ordinal) || token.Length > 100)
        {
            return null;
        }

        var hash = SecretToken.Hash(token);
        var now = time.GetUtcNow();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.PersonalAccessTokens
            .Where(t => t.TokenHash == hash && t.RevokedAt == null && t.ExpiresAt > now && t.User!.IsActive)
            .Select(t => new { t.Id, t.User })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        await db.PersonalAccessTokens.Where(t => t.Id == found.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.LastUsedAt, now), cancellationToken);
        return found.User;
    }
}
