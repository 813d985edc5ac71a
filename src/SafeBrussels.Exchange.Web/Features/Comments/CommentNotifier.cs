using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Web;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Comments;

/// <summary>
/// Tells a practice's author and its contact (when the contact is a member) of a new question, by mail at once.
/// Only active members who may see the practice are told; the mail carries the title and a link, not the comment.
/// </summary>
public sealed class CommentNotifier(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IMailSender sender,
    PublicLinks links,
    IStringLocalizer<SharedResource> localizer,
    ILogger<CommentNotifier> logger)
{
    public async Task PracticeCommentedAsync(Comment comment, Viewer commenter, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practice = await db.Practices.AsNoTracking()
            .Where(p => p.Id == comment.PracticeId)
            .Select(p => new { p.Id, p.AuthorId, p.ContactEmail })
            .SingleAsync(cancellationToken);
        var contactEmail = practice.ContactEmail.ToUpperInvariant();
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != commenter.UserId
                && (u.Id == practice.AuthorId || (contactEmail != "" && u.NormalizedEmail == contactEmail)))
            .ToListAsync(cancellationToken);

        foreach (var user in candidates)
        {
            var viewer = new Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName);
            var seen = await db.Practices.VisibleTo(viewer).Where(p => p.Id == practice.Id).Select(p => new { p.Title, p.Tlp }).SingleOrDefaultAsync(cancellationToken);
            if (seen is null || user.Email is null)
            {
                continue;
            }

            try
            {
                await sender.SendAsync(Compose(user, seen.Title, seen.Tlp, commenter.DisplayName, practice.Id), cancellationToken);
                logger.LogInformation("Told {UserId} of comment {CommentId} on practice {PracticeId}", user.Id, comment.Id, practice.Id);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The comment is saved; a mail relay problem must not undo it.
                logger.LogWarning(ex, "Could not tell {UserId} of comment {CommentId}", user.Id, comment.Id);
            }
        }
    }

    private MailContent Compose(ApplicationUser user, string title, Tlp tlp, string commenterName, Guid practiceId)
    {
        // The member's language for mails, as for the digest.
        var language = Digests.DigestComposer.LanguageOf(user.EmailLanguage, user.PreferredLanguage, null);
        using var scope = CultureScope.Use(language);
        var link = links.Absolute($"/practices/{practiceId}#discussion");
        var (text, html) = MailLayout.Render(
            localizer["Mail.Comment.Heading", title].Value,
            [localizer["Mail.Comment.Body", commenterName, title].Value],
            localizer["Mail.Comment.Action"].Value,
            link,
            localizer["Mail.Footer"].Value,
            language);
        // Above GREEN, the label leads the subject so that nobody forwards the mail unaware.
        var label = tlp > Tlp.Green ? $"[TLP:{tlp.ToLabel()}] " : "";
        return new MailContent(user.Email!, user.DisplayName, label + localizer["Mail.Comment.Subject", title].Value, text, html, language);
    }
}
