using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

namespace SafeBrussels.Exchange.Web.Features.Comments;

/// <summary>
/// Discussion on practices and meetings. A comment is seen, written and listed only by whoever sees its
/// parent (<see cref="SharingPolicy"/>, inside the query); its author alone edits or deletes it.
/// </summary>
public sealed class CommentService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    CommentNotifier notifier,
    AuditTrail audit,
    TimeProvider time,
    ILogger<CommentService> logger)
{

    /// <summary>The comments on a visible parent, oldest first; null when the parent is hidden or missing.</summary>
    public async Task<IReadOnlyList<CommentView>?> ListAsync(Viewer viewer, RecordRef target, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (!await db.CanSeeAsync(viewer, target, cancellationToken))
        {
            return null;
        }

        return await Of(db.Comments.AsNoTracking().VisibleTo(db, viewer), target)
            .OrderBy(c => c.CreatedAt).ThenBy(c => c.Id)
            .Select(c => new CommentView(c.Id, c.AuthorId, c.Author != null ? c.Author.DisplayName : c.AuthorName, c.Body, c.CreatedAt, c.EditedAt, c.AuthorId == viewer.UserId))
            .ToListAsync(cancellationToken);
    }

    /// <param name="idempotencyKey">The comment box's key: a repeat of the same submission answers with the comment the first one added.</param>
    public async Task<CommentOutcome> AddAsync(Viewer viewer, RecordRef target, string body, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        if (Validate(body) is { } invalid)
        {
            return new CommentOutcome(invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, _ => true, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return new CommentOutcome(refusal);
        }

        viewer = standing!;
        if (await db.EarlierAsync(viewer.UserId, IdempotencyScope, idempotencyKey, cancellationToken) is { } earlier)
        {
            return new CommentOutcome(CommandResult.Ok, earlier);
        }

        if (!await db.CanSeeAsync(viewer, target, cancellationToken))
        {
            return new CommentOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        var comment = new Comment
        {
            PracticeId = target.Kind == RecordKind.Practice ? target.Id : null,
            MeetingId = target.Kind == RecordKind.Meeting ? target.Id : null,
            AuthorId = viewer.UserId,
            AuthorName = viewer.DisplayName,
            Body = body.Trim(),
            CreatedAt = time.GetUtcNow(),
        };
        await db.StampAsync(comment, target, cancellationToken);
        db.Comments.Add(comment);
        await audit.AddAttachedAsync(db, viewer, AuditActions.ContentCreated, AuditTargets.Comment, comment.Id, target, cancellationToken);
        if (await db.SaveOnceAsync(viewer.UserId, IdempotencyScope, idempotencyKey, comment.Id, comment.CreatedAt, cancellationToken) is { } repeated)
        {
            return new CommentOutcome(CommandResult.Ok, repeated);
        }

        logger.LogInformation("Comment {CommentId} added by {UserId} on {Kind} {ParentId}", comment.Id, viewer.UserId, target.Kind, target.Id);

        var told = await notifier.CommentedAsync(comment, viewer, target, cancellationToken);
        return new CommentOutcome(CommandResult.Ok, comment.Id, told);
    }

    public async Task<CommentOutcome> EditAsync(Viewer viewer, Guid commentId, string body, CancellationToken cancellationToken = default)
    {
        if (Validate(body) is { } invalid)
        {
            return new CommentOutcome(invalid);
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, _ => true, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return new CommentOutcome(refusal);
        }

        viewer = standing!;
        var comment = await Own(db, viewer).SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return new CommentOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        comment.Body = body.Trim();
        comment.EditedAt = time.GetUtcNow();
        // The new text is written under the record's label and audience as they are now.
        await db.StampAsync(comment, ParentOf(comment), cancellationToken);
        await audit.AddAttachedAsync(db, viewer, AuditActions.ContentUpdated, AuditTargets.Comment, commentId, ParentOf(comment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Comment {CommentId} edited by {UserId}", commentId, viewer.UserId);
        return new CommentOutcome(CommandResult.Ok, commentId);
    }

    public async Task<CommentOutcome> DeleteAsync(Viewer viewer, Guid commentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, _ => true, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return new CommentOutcome(refusal);
        }

        viewer = standing!;
        var comment = await Own(db, viewer).SingleOrDefaultAsync(c => c.Id == commentId, cancellationToken);
        if (comment is null)
        {
            return new CommentOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        // The deletion and its audit entry are saved together.
        db.Comments.Remove(comment);
        await audit.AddAttachedAsync(db, viewer, AuditActions.ContentDeleted, AuditTargets.Comment, commentId, ParentOf(comment), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Comment {CommentId} deleted by {UserId}", commentId, viewer.UserId);
        return new CommentOutcome(CommandResult.Ok, commentId);
    }

    private const string IdempotencyScope = "comment";

    private static RecordRef ParentOf(Comment comment) =>
        comment.PracticeId is { } practice ? RecordRef.Practice(practice) : RecordRef.Meeting(comment.MeetingId!.Value);

    private static CommandResult? Validate(string? body) =>
        string.IsNullOrWhiteSpace(body) ? CommandResult.Fail("Body", "Validation.Required")
        : body.Length > FieldLengths.Comment ? CommandResult.Fail("Body", "Validation.TooLong20000")
        : null;

    /// <summary>The viewer's own comments on parents they still see.</summary>
    private static IQueryable<Comment> Own(ExchangeDbContext db, Viewer viewer) =>
        db.Comments.VisibleTo(db, viewer).Where(c => c.AuthorId == viewer.UserId);

    private static IQueryable<Comment> Of(IQueryable<Comment> comments, RecordRef target) =>
        target.Kind == RecordKind.Practice
            ? comments.Where(c => c.PracticeId == target.Id)
            : comments.Where(c => c.MeetingId == target.Id);
}
