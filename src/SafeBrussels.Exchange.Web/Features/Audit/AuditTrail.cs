using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>
/// Writes the audit trail. <see cref="Add"/> puts the entry in the caller's unit of work, so that it is saved in the
/// same transaction as the change it records (both or neither); <see cref="WriteAsync"/> saves it on its own, for what
/// changes nothing else (sign-ins, reads).
/// </summary>
public sealed class AuditTrail(IDbContextFactory<ExchangeDbContext> dbFactory, IHttpContextAccessor http, TimeProvider time)
{
    private const int DetailLength = 300;

    public void Add(ExchangeDbContext db, AuditEvent auditEvent) => db.AuditEntries.Add(ToEntry(auditEvent));

    public async Task WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        Add(db, auditEvent);
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Records a read of an AMBER+STRICT or RED record; reads of wider labels are not audited.</summary>
    public Task ReadAsync(Viewer viewer, string targetType, Guid id, Guid ownerOrganizationId, Tlp tlp, CancellationToken cancellationToken = default) =>
        IsAuditedRead(tlp)
            ? WriteAsync(AuditEvent.By(viewer, AuditActions.ContentRead, targetType, id.ToString(), ownerOrganizationId, tlp), cancellationToken)
            : Task.CompletedTask;

    /// <summary>The entries for a content save: created or updated, plus a TLP change when the label moved.</summary>
    public void AddContentSave(ExchangeDbContext db, Viewer viewer, string targetType, Guid id, Guid ownerOrganizationId, Tlp? before, Tlp after)
    {
        Add(db, AuditEvent.By(viewer, before is null ? AuditActions.ContentCreated : AuditActions.ContentUpdated,
            targetType, id.ToString(), ownerOrganizationId, after));
        if (before is { } previous && previous != after)
        {
            Add(db, AuditEvent.By(viewer, AuditActions.ContentTlpChanged, targetType, id.ToString(), ownerOrganizationId, after,
                $"{previous.ToLabel()} → {after.ToLabel()}"));
        }
    }

    public static bool IsAuditedRead(Tlp tlp) => tlp is Tlp.AmberStrict or Tlp.Red;

    /// <summary>
    /// The entry for a change to something attached to a practice or meeting (a comment, a file): it belongs to the
    /// record's owner organization, whose administrators see it, and carries the record's label.
    /// </summary>
    public async Task AddAttachedAsync(ExchangeDbContext db, Viewer viewer, string action, string targetType, Guid id, RecordRef parent,
        CancellationToken cancellationToken, string? detail = null)
    {
        var owner = parent.Kind == RecordKind.Practice
            ? await db.Practices.Where(p => p.Id == parent.Id).Select(p => new { Organization = p.OrganizationId, p.Tlp }).SingleOrDefaultAsync(cancellationToken)
            : await db.Meetings.Where(m => m.Id == parent.Id).Select(m => new { Organization = m.HostOrganizationId, m.Tlp }).SingleOrDefaultAsync(cancellationToken);
        Add(db, AuditEvent.By(viewer, action, targetType, id.ToString(), owner?.Organization, owner?.Tlp,
            detail ?? $"{parent.Kind.ToString().ToLowerInvariant()} {parent.Id}"));
    }

    private AuditEntry ToEntry(AuditEvent e) => new()
    {
        OccurredAt = time.GetUtcNow(),
        ActorId = e.ActorId,
        ActorOrganizationId = e.ActorOrganizationId,
        Action = e.Action,
        TargetType = e.TargetType,
        TargetId = e.TargetId,
        TargetOrganizationId = e.TargetOrganizationId,
        Tlp = e.Tlp?.ToLabel(),
        Detail = e.Detail is { Length: > DetailLength } detail ? detail[..DetailLength] : e.Detail,
        ClientAddress = http.HttpContext?.Connection.RemoteIpAddress?.ToString(),
    };
}
