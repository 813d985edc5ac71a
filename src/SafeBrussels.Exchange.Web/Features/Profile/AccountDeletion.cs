using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Profile;

/// <summary>
/// GDPR erasure without destroying the administrations' records: the account is anonymized in one transaction. The
/// meetings, practices and comments the person wrote stay, attributed to a pseudonym; their name, email address,
/// password, second factor, tokens, feed links, follows and preferences are gone, and so is their name wherever it
/// was copied (comments, revisions, attachments, attendance, action items, practice contacts).
/// </summary>
public sealed class AccountDeletion(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    SignInManager<ApplicationUser> signIn,
    SessionRevocations revocations,
    AuditTrail audit,
    TimeProvider time,
    ILogger<AccountDeletion> logger)
{
    public const string DeletedDomain = "deleted.invalid";

    /// <summary>Deletes the account of <paramref name="user"/> once they typed their password again.</summary>
    public async Task<CommandResult> DeleteOwnAsync(ApplicationUser user, string? password, CancellationToken cancellationToken = default)
    {
        if (!await signIn.ConfirmPasswordAsync(user, password))
        {
            return CommandResult.Fail("Password", "DeleteAccount.WrongPassword");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (user.Role == ExchangeRole.PlatformAdmin
            && !await db.Users.AnyAsync(u => u.Id != user.Id && u.Role == ExchangeRole.PlatformAdmin && u.IsActive, cancellationToken))
        {
            return CommandResult.Fail("", "DeleteAccount.LastPlatformAdmin");
        }

        var id = user.Id;
        var email = user.NormalizedEmail ?? "";
        var pseudonym = "#" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var address = $"{Guid.NewGuid():N}@{DeletedDomain}";
        var now = time.GetUtcNow();
        await db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.Users.Where(u => u.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(u => u.UserName, address)
                .SetProperty(u => u.NormalizedUserName, address.ToUpperInvariant())
                .SetProperty(u => u.Email, address)
                .SetProperty(u => u.NormalizedEmail, address.ToUpperInvariant())
                .SetProperty(u => u.EmailConfirmed, false)
                .SetProperty(u => u.DisplayName, pseudonym)
                .SetProperty(u => u.PasswordHash, (string?)null)
                .SetProperty(u => u.PhoneNumber, (string?)null)
                .SetProperty(u => u.TwoFactorEnabled, false)
                .SetProperty(u => u.SecurityStamp, Guid.NewGuid().ToString("N"))
                .SetProperty(u => u.ConcurrencyStamp, Guid.NewGuid().ToString())
                .SetProperty(u => u.IsActive, false)
                .SetProperty(u => u.DeactivatedAt, now)
                .SetProperty(u => u.DeletedAt, now)
                .SetProperty(u => u.PreferredLanguage, (string?)null)
                .SetProperty(u => u.EmailLanguage, (string?)null)
                .SetProperty(u => u.DigestFrequency, DigestFrequency.Off), cancellationToken);
            await db.UserTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.UserLogins.Where(l => l.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.UserClaims.Where(c => c.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.UserPasskeys.Where(p => p.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.PersonalAccessTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.FeedTokens.Where(t => t.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.Follows.Where(f => f.UserId == id).ExecuteDeleteAsync(cancellationToken);
            await db.IdempotencyKeys.Where(k => k.UserId == id).ExecuteDeleteAsync(cancellationToken);
            if (email.Length > 0)
            {
                // The invitation that brought them, and any other made out to their address.
                await db.Invitations.Where(i => i.NormalizedEmail == email).ExecuteDeleteAsync(cancellationToken);
            }

            // Their name where it was copied next to what they did.
            await db.Comments.Where(c => c.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(c => c.AuthorName, pseudonym), cancellationToken);
            await db.MeetingRevisions.Where(r => r.AuthorId == id).ExecuteUpdateAsync(s => s.SetProperty(r => r.AuthorName, pseudonym), cancellationToken);
            await db.Attachments.Where(a => a.UploadedById == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.UploadedByName, pseudonym), cancellationToken);
            await db.Set<MeetingAttendee>().Where(a => a.UserId == id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Name, pseudonym).SetProperty(a => a.UserId, (Guid?)null), cancellationToken);
            await db.ActionItems.Where(a => a.OwnerUserId == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.OwnerUserId, (Guid?)null), cancellationToken);
            if (email.Length > 0)
            {
                await db.Practices.Where(p => p.ContactEmail.ToUpper() == email)
                    .ExecuteUpdateAsync(s => s.SetProperty(p => p.ContactEmail, "").SetProperty(p => p.ContactName, ""), cancellationToken);
            }

            audit.Add(db, new AuditEvent(AuditActions.AccountDeleted, id, user.OrganizationId, AuditTargets.Member, id.ToString(), user.OrganizationId,
                Detail: "anonymized as " + pseudonym));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        });

        revocations.Revoke(id);
        logger.LogInformation("Account {UserId} deleted by its owner and anonymized", id);
        return CommandResult.Ok;
    }
}
