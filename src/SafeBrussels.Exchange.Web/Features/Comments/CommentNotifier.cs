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
/// Tells the people who can act on a new comment, by mail at once: a practice's author and its contact (when the
/// contact is a member), and on a practice or a meeting every member it mentions ("@Name", <see cref="Mentions"/>).
/// Only active members who may see the record are told (<see cref="SharingPolicy"/>, inside the query); the mail
/// carries the title and a link, not the comment. The outcome names who was told.
/// </summary>
public sealed class CommentNotifier(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IMailSender sender,
    PublicLinks links,
    IStringLocalizer<SharedResource> localizer,
    ILogger<CommentNotifier> logger)
{
    /// <summary>Tells whoever the comment concerns; returns the names of the members told.</summary>
    public async Task<IReadOnlyList<string>> CommentedAsync(Comment comment, Viewer commenter, RecordRef target, CancellationToken cancellationToken = default)
    {
        var told = new List<Guid>();
        var names = new List<string>();
        if (target.Kind == RecordKind.Practice)
        {
            foreach (var (id, name) in await PracticeCommentedAsync(comment, commenter, cancellationToken))
            {
                told.Add(id);
                names.Add(name);
            }
        }

        foreach (var (_, name) in await MentionedAsync(comment, commenter, target, told, cancellationToken))
        {
            names.Add(name);
        }

        return names;
    }

    /// <summary>The members mentioned in the comment who may see its record, each told once (not the commenter).</summary>
    private async Task<List<(Guid Id, string Name)>> MentionedAsync(
        Comment comment, Viewer commenter, RecordRef target, IReadOnlyCollection<Guid> alreadyTold, CancellationToken cancellationToken)
    {
        var told = new List<(Guid, string)>();
        if (!comment.Body.Contains('@', StringComparison.Ordinal))
        {
            return told;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Members whose "@Name" appears in the text (strpos in PostgreSQL); the exact boundaries are checked here.
        var body = comment.Body.ToLowerInvariant();
        var candidates = await db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.Id != commenter.UserId && !alreadyTold.Contains(u.Id) && body.Contains("@" + u.DisplayName.ToLower()))
            .ToListAsync(cancellationToken);
        var mentioned = Mentions.Find(comment.Body, candidates.Select(u => (u.Id, u.DisplayName))).ToHashSet();

        foreach (var user in candidates.Where(u => mentioned.Contains(u.Id)))
        {
            var viewer = new Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName);
            var seen = target.Kind == RecordKind.Practice
                ? await db.Practices.VisibleTo(viewer).Where(p => p.Id == target.Id).Select(p => new Seen(p.Title, p.Tlp)).SingleOrDefaultAsync(cancellationToken)
                : await db.Meetings.VisibleTo(viewer).Where(m => m.Id == target.Id).Select(m => new Seen(m.Title, m.Tlp)).SingleOrDefaultAsync(cancellationToken);
            if (seen is null || user.Email is null)
            {
                // Someone who may not see the record is not told of it, not even that it exists.
                continue;
            }

            var path = target.Kind == RecordKind.Practice ? $"/practices/{target.Id}#discussion" : $"/meetings/{target.Id}#discussion";
            if (await SendAsync(ComposeMention(user, seen, commenter.DisplayName, path), user.Id, comment.Id, cancellationToken))
            {
                told.Add((user.Id, user.DisplayName));
            }
        }

        return told;
    }

    private async Task<List<(Guid Id, string Name)>> PracticeCommentedAsync(Comment comment, Viewer commenter, CancellationToken cancellationToken)
    {
        var told = new List<(Guid, string)>();
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

            if (await SendAsync(Compose(user, seen.Title, seen.Tlp, commenter.DisplayName, practice.Id), user.Id, comment.Id, cancellationToken))
            {
                told.Add((user.Id, user.DisplayName));
            }
        }

        return told;
    }

    private async Task<bool> SendAsync(MailContent mail, Guid userId, Guid commentId, CancellationToken cancellationToken)
    {
        try
        {
            await sender.SendAsync(mail, cancellationToken);
            logger.LogInformation("Told {UserId} of comment {CommentId}", userId, commentId);
            return true;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The comment is saved; a mail relay problem must not undo it.
            logger.LogWarning(ex, "Could not tell {UserId} of comment {CommentId}", userId, commentId);
            return false;
        }
    }

    private MailContent ComposeMention(ApplicationUser user, Seen record, string commenterName, string path)
    {
        var language = SupportedLanguages.IsSupported(user.PreferredLanguage) ? user.PreferredLanguage! : SupportedLanguages.Default;
        using var scope = CultureScope.Use(language);
        var (text, html) = MailLayout.Render(
            localizer["Mail.Mention.Heading", record.Title].Value,
            [localizer["Mail.Mention.Body", commenterName, record.Title].Value],
            localizer["Mail.Comment.Action"].Value,
            links.Absolute(path),
            localizer["Mail.Footer"].Value,
            language);
        var label = record.Tlp > Tlp.Green ? $"[TLP:{record.Tlp.ToLabel()}] " : "";
        return new MailContent(user.Email!, user.DisplayName, label + localizer["Mail.Mention.Subject", commenterName, record.Title].Value, text, html, language);
    }

    private sealed record Seen(string Title, Tlp Tlp);

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
