using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Attachments;

/// <summary>Files on meetings and practices: checked by content, stored in PostgreSQL, read under their record's sharing rules.</summary>
public sealed class AttachmentService(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    IOptions<AttachmentOptions> options,
    AuditTrail audit,
    TimeProvider time,
    ILogger<AttachmentService> logger)
{
    public long MaxBytes => options.Value.MaxBytes;

    public async Task<CommandResult> AddAsync(Viewer viewer, RecordRef record, string fileName, Stream content, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileName((fileName ?? "").Trim());
        if (name.Length == 0 || name.Length > FieldLengths.FileName)
        {
            return CommandResult.Fail("File", "Attachments.BadName");
        }

        // Read at most one byte more than allowed: enough to know the file is too large.
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > MaxBytes)
            {
                return CommandResult.Fail("File", "Attachments.TooLarge");
            }
        }

        if (buffer.Length == 0)
        {
            return CommandResult.Fail("File", "Attachments.Empty");
        }

        var bytes = buffer.ToArray();
        var type = FileSignature.Detect(bytes, name);
        if (type is null)
        {
            return CommandResult.Fail("File", "Attachments.TypeRefused");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.CanContribute, "Error.NotFound", cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        viewer = standing!;
        if (!await db.CanEditAsync(viewer, record, cancellationToken))
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        var attachment = new Attachment
        {
            MeetingId = record.Kind == RecordKind.Meeting ? record.Id : null,
            PracticeId = record.Kind == RecordKind.Practice ? record.Id : null,
            FileName = FileSignature.NameFor(name, type),
            ContentType = type,
            Size = bytes.Length,
            Content = bytes,
            UploadedById = viewer.UserId,
            UploadedByName = viewer.DisplayName,
            UploadedAt = time.GetUtcNow(),
        };
        await db.StampAsync(attachment, record, cancellationToken);
        db.Attachments.Add(attachment);
        await audit.AddAttachedAsync(db, viewer, AuditActions.ContentCreated, AuditTargets.Attachment, attachment.Id, record, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Attachment of {Size} bytes ({ContentType}) added to {Kind} {RecordId} by {UserId}", bytes.Length, type, record.Kind, record.Id, viewer.UserId);
        return CommandResult.Ok;
    }

    public async Task<IReadOnlyList<AttachmentSummary>> ListAsync(Viewer viewer, RecordRef record, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var attachments = db.Attachments.AsNoTracking().VisibleTo(db, viewer);
        attachments = record.Kind == RecordKind.Practice
            ? attachments.Where(a => a.PracticeId == record.Id)
            : attachments.Where(a => a.MeetingId == record.Id);
        return await attachments
            .OrderBy(a => a.UploadedAt)
            .Select(a => new AttachmentSummary(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedByName, a.UploadedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The file, or null when it does not exist or its record is hidden from <paramref name="viewer"/>.</summary>
    public async Task<AttachmentFile?> OpenAsync(Viewer viewer, Guid attachmentId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Attachments.AsNoTracking()
            .VisibleTo(db, viewer)
            .Where(a => a.Id == attachmentId)
            .Select(a => new
            {
                File = new AttachmentFile(a.FileName, a.ContentType, a.Content),
                Tlp = a.Meeting != null ? a.Meeting.Tlp : a.Practice!.Tlp,
                Owner = a.Meeting != null ? a.Meeting.HostOrganizationId : a.Practice!.OrganizationId,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return null;
        }

        // Reading a file of an AMBER+STRICT or RED record is reading the record.
        await audit.ReadAsync(viewer, AuditTargets.Attachment, attachmentId, found.Owner, found.Tlp, cancellationToken);
        return found.File;
    }
}
