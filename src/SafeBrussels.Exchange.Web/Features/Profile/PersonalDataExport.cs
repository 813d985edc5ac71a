using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Profile;

/// <summary>
/// GDPR right of access: <c>GET /profile/personal-data.json</c> gives the signed-in member everything the platform
/// holds about them as a person: account, membership, preferences, follows, digest ledger, token and feed-link
/// metadata (never the secrets), passkeys, what they authored, saved, uploaded or commented, the meetings they attended,
/// the action items they own, the invitations made out to them and the audit trail about them. Records are listed by
/// id and title only, and only those the member may still see.
/// </summary>
public static class PersonalDataExport
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static void MapPersonalDataExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/profile/personal-data.json", async (HttpContext context, IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time) =>
        {
            var viewer = Viewer.From(context.User)!;
            var data = await CollectAsync(dbFactory, viewer, time.GetUtcNow(), context.RequestAborted);
            context.Response.Headers.CacheControl = "no-store";
            return Results.File(JsonSerializer.SerializeToUtf8Bytes(data, Json), "application/json", $"safebrussels-exchange-personal-data-{time.GetUtcNow():yyyyMMdd}.json");
        }).RequireAuthorization();

    public static async Task<object> CollectAsync(IDbContextFactory<ExchangeDbContext> dbFactory, Viewer viewer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var id = viewer.UserId;
        var normalizedEmail = await db.Users.Where(u => u.Id == id).Select(u => u.NormalizedEmail).SingleAsync(cancellationToken);
        var self = id.ToString();
        var account = await db.Users.AsNoTracking().Where(u => u.Id == id).Select(u => new
        {
            u.Id,
            u.Email,
            u.EmailConfirmed,
            u.DisplayName,
            Organization = u.Organization!.Name,
            OrganizationKey = u.Organization.Key,
            Role = u.Role.ToString(),
            u.PreferredLanguage,
            u.IsActive,
            u.CreatedAt,
            u.DeactivatedAt,
            TwoFactorEnabled = u.TwoFactorEnabled,
            u.LockoutEnd,
            u.AccessFailedCount,
            Digest = new { Frequency = u.DigestFrequency.ToString(), Day = u.DigestDay.ToString(), Hour = u.DigestHour, Language = u.EmailLanguage },
        }).SingleAsync(cancellationToken);

        return new
        {
            exportedAt = now,
            account,
            follows = await db.Follows.AsNoTracking().Where(f => f.UserId == id).OrderBy(f => f.CreatedAt).Select(f => new
            {
                theme = db.Themes.Where(t => t.Id == f.ThemeId).Select(t => t.Key).FirstOrDefault(),
                organization = db.Organizations.Where(o => o.Id == f.OrganizationId).Select(o => o.Key).FirstOrDefault(),
                f.PracticeId,
                f.MeetingId,
                f.CreatedAt,
            }).ToListAsync(cancellationToken),
            digests = await db.DigestDeliveries.AsNoTracking().Where(d => d.UserId == id).OrderBy(d => d.Period)
                .Select(d => new { d.Period, Outcome = d.Outcome.ToString(), d.Items, d.RecordedAt }).ToListAsync(cancellationToken),
            apiTokens = await db.PersonalAccessTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.Name, t.Prefix, t.CreatedAt, t.ExpiresAt, t.RevokedAt, t.LastUsedAt }).ToListAsync(cancellationToken),
            feedLinks = await db.FeedTokens.AsNoTracking().Where(t => t.UserId == id).OrderBy(t => t.CreatedAt)
                .Select(t => new { t.CreatedAt, t.RevokedAt, t.LastUsedAt }).ToListAsync(cancellationToken),
            practicesAuthored = await db.Practices.AsNoTracking().VisibleTo(viewer).Where(p => p.AuthorId == id)
                .OrderBy(p => p.CreatedAt).Select(p => new { p.Id, p.Title, p.CreatedAt }).ToListAsync(cancellationToken),
            meetingsAuthored = await db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => m.AuthorId == id)
                .OrderBy(m => m.StartsAt).Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(cancellationToken),
            meetingsAttended = await db.Meetings.AsNoTracking().VisibleTo(viewer).Where(m => m.Attendees.Any(a => a.UserId == id))
                .OrderBy(m => m.StartsAt).Select(m => new { m.Id, m.Title, m.StartsAt }).ToListAsync(cancellationToken),
            actionItemsOwned = await db.Meetings.AsNoTracking().VisibleTo(viewer).SelectMany(m => m.ActionItems)
                .Where(a => a.OwnerUserId == id).Select(a => new { a.MeetingId, a.Title, a.Due, a.IsDone }).ToListAsync(cancellationToken),
            comments = await db.Comments.AsNoTracking().VisibleTo(db, viewer).Where(c => c.AuthorId == id).OrderBy(c => c.CreatedAt)
                .Select(c => new { c.Id, c.PracticeId, c.MeetingId, c.Body, c.CreatedAt, c.EditedAt }).ToListAsync(cancellationToken),
            passkeys = await db.UserPasskeys.AsNoTracking().Where(p => p.UserId == id)
                .Select(p => new { p.Data.Name, p.Data.CreatedAt }).ToListAsync(cancellationToken),
            meetingVersionsSaved = await db.MeetingRevisions.AsNoTracking().Where(r => r.AuthorId == id)
                .Where(r => db.Meetings.VisibleTo(viewer).Any(m => m.Id == r.MeetingId))
                .OrderBy(r => r.SavedAt).Select(r => new { r.MeetingId, r.Number, r.SavedAt }).ToListAsync(cancellationToken),
            filesUploaded = await db.Attachments.AsNoTracking().VisibleTo(db, viewer).Where(a => a.UploadedById == id)
                .OrderBy(a => a.UploadedAt).Select(a => new { a.Id, a.FileName, a.Size, a.MeetingId, a.PracticeId, a.UploadedAt }).ToListAsync(cancellationToken),
            invitations = await db.Invitations.AsNoTracking().Where(i => i.NormalizedEmail == normalizedEmail)
                .OrderBy(i => i.CreatedAt)
                .Select(i => new { Organization = i.Organization!.Name, Role = i.Role.ToString(), i.CreatedAt, i.ExpiresAt, i.AcceptedAt, i.RevokedAt })
                .ToListAsync(cancellationToken),
            // What the audit trail holds about them: what they did, and what was done to their account.
            auditTrail = await db.AuditEntries.AsNoTracking()
                .Where(e => e.ActorId == id || (e.TargetType == "member" && e.TargetId == self))
                .OrderBy(e => e.OccurredAt)
                .Select(e => new { e.OccurredAt, e.Action, e.TargetType, e.TargetId, e.Tlp, e.ClientAddress, ByThemselves = e.ActorId == id })
                .ToListAsync(cancellationToken),
        };
    }
}
