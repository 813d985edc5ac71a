using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// Writes practices and meetings in the exchange format: for a viewer, only what <see cref="SharingPolicy"/> lets
/// them see (inside the query); for the operator's command line, everything. Records are sorted by externalId and
/// an original is named in <c>adaptedFrom</c> only when it is in the same file, so every export imports as it is.
/// </summary>
public sealed class ExchangeExporter(IDbContextFactory<ExchangeDbContext> dbFactory, Audit.AuditTrail audit)
{
    public const string DateTimeFormat = "yyyy-MM-dd'T'HH:mm:sszzz";

    /// <summary>The file as written everywhere (command line, API): indented UTF-8 JSON ending with a newline.</summary>
    public static async Task WriteAsync(Stream output, ExchangeDocument document, CancellationToken cancellationToken = default)
    {
        await JsonSerializer.SerializeAsync(output, document, ExchangeDocument.Json, cancellationToken);
        await output.WriteAsync("\n"u8.ToArray(), cancellationToken);
    }

    public async Task<ExchangeDocument> ExportAsync(Viewer? viewer, string? organizationKey, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practices = await PracticesAsync(db, viewer, organizationKey, cancellationToken);
        var meetings = await MeetingsAsync(db, viewer, organizationKey, cancellationToken);

        var keys = practices.Select(p => p.Organization)
            .Concat(meetings.Select(m => m.Organization))
            .Concat(meetings.SelectMany(m => m.Participants ?? []))
            .Concat(meetings.SelectMany(m => m.ActionItems ?? []).Select(a => a.Owner).OfType<string>())
            .Append(organizationKey)
            .OfType<string>()
            .ToHashSet();
        var organizations = await db.Organizations.AsNoTracking()
            .Where(o => keys.Contains(o.Key))
            .ToListAsync(cancellationToken);

        // An export is a read of every AMBER+STRICT and RED record in it.
        var ids = organizations.ToDictionary(o => o.Key, o => o.Id, StringComparer.Ordinal);
        var sensitive = practices.Where(p => IsAudited(p.Tlp)).Select(p => (Audit.AuditTargets.Practice, p.ExternalId, p.Organization, p.Tlp))
            .Concat(meetings.Where(m => IsAudited(m.Tlp)).Select(m => (Audit.AuditTargets.Meeting, m.ExternalId, m.Organization, m.Tlp)))
            .ToList();
        foreach (var (type, externalId, organization, label) in sensitive)
        {
            TlpLabels.TryParse(label, out var tlp);
            audit.Add(db, Audit.AuditEvent.By(viewer, Audit.AuditActions.ContentRead, type, externalId, ids.GetValueOrDefault(organization), tlp, "export"));
        }

        if (sensitive.Count > 0)
        {
            await db.SaveChangesAsync(cancellationToken);
        }

        return new ExchangeDocument
        {
            Organizations = organizations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(ToExchange).ToList(),
            Practices = practices,
            Meetings = meetings,
        };
    }

    private static bool IsAudited(string? label) => TlpLabels.TryParse(label, out var tlp) && Audit.AuditTrail.IsAuditedRead(tlp);

    private static ExchangeOrganization ToExchange(Organization organization) => new()
    {
        Key = organization.Key,
        Name = organization.Name,
        City = NullIfBlank(organization.City),
        Country = NullIfBlank(organization.Country),
        Languages = organization.WorkingLanguages.Count > 0 ? [.. organization.WorkingLanguages] : null,
    };

    private static async Task<List<ExchangePractice>> PracticesAsync(ExchangeDbContext db, Viewer? viewer, string? organizationKey, CancellationToken cancellationToken)
    {
        var query = db.Practices.AsNoTracking();
        if (viewer is not null)
        {
            query = query.VisibleTo(viewer);
        }

        if (organizationKey is not null)
        {
            query = query.Where(p => p.Organization!.Key == organizationKey);
        }

        var rows = await query
            .Select(p => new
            {
                Practice = p,
                OrganizationKey = p.Organization!.Key,
                Themes = p.Themes.Select(t => t.Theme!.Key).ToList(),
                Original = p.AdaptedFrom != null ? p.AdaptedFrom.ExternalId : null,
            })
            .ToListAsync(cancellationToken);
        var exported = rows.Select(r => r.Practice.ExternalId).ToHashSet(StringComparer.Ordinal);

        return rows
            .OrderBy(r => r.Practice.ExternalId, StringComparer.Ordinal)
            .Select(r => ToExchange(r.Practice, r.OrganizationKey, r.Themes, r.Original is not null && exported.Contains(r.Original) ? r.Original : null))
            .ToList();
    }

    private static ExchangePractice ToExchange(Practice p, string organizationKey, List<string> themes, string? original) => new()
    {
        ExternalId = p.ExternalId,
        Organization = organizationKey,
        Language = p.Language,
        Title = p.Title,
        Summary = p.Summary,
        Problem = NullIfBlank(p.Problem),
        Approach = NullIfBlank(p.Approach),
        Results = NullIfBlank(p.Results),
        TargetGroups = p.TargetGroups.Count > 0 ? [.. p.TargetGroups] : null,
        Themes = themes.Order(StringComparer.Ordinal).ToList(),
        Tlp = p.Tlp.ToLabel(),
        Status = p.Status.ToCode(),
        Evidence = p.Evidence.ToCode(),
        StartedOn = p.StartedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Contact = p.ContactName.Length > 0 || p.ContactEmail.Length > 0
            ? new ExchangeContact { Name = NullIfBlank(p.ContactName), Email = NullIfBlank(p.ContactEmail) }
            : null,
        AdaptedFrom = original,
        Adaptation = p.AdaptationContext.Length > 0 || p.AdaptationChanges.Length > 0
            ? new ExchangeAdaptation { LocalContext = NullIfBlank(p.AdaptationContext), Changes = NullIfBlank(p.AdaptationChanges) }
            : null,
        Translations = p.Translations.Count > 0
            ? new SortedDictionary<string, ExchangeTranslation>(
                p.Translations.ToDictionary(t => t.Language, t => new ExchangeTranslation { Title = NullIfBlank(t.Title), Summary = NullIfBlank(t.Summary) }),
                StringComparer.Ordinal)
            : null,
    };

    private static async Task<List<ExchangeMeeting>> MeetingsAsync(ExchangeDbContext db, Viewer? viewer, string? organizationKey, CancellationToken cancellationToken)
    {
        var query = db.Meetings.AsNoTracking();
        if (viewer is not null)
        {
            query = query.VisibleTo(viewer);
        }

        if (organizationKey is not null)
        {
            query = query.Where(m => m.HostOrganization!.Key == organizationKey);
        }

        var meetings = await query
            .Include(m => m.HostOrganization)
            .Include(m => m.Participants).ThenInclude(p => p.Organization)
            .Include(m => m.Themes).ThenInclude(t => t.Theme)
            .Include(m => m.Agenda)
            .Include(m => m.Decisions)
            .Include(m => m.ActionItems).ThenInclude(a => a.OwnerOrganization)
            .AsSplitQuery()
            .ToListAsync(cancellationToken);

        return meetings
            .OrderBy(m => m.ExternalId, StringComparer.Ordinal)
            .Select(ToExchange)
            .ToList();
    }

    private static ExchangeMeeting ToExchange(Meeting m)
    {
        var participants = m.Participants.Select(p => p.Organization!.Key).Order(StringComparer.Ordinal).ToList();
        return new ExchangeMeeting
        {
            ExternalId = m.ExternalId,
            Organization = m.HostOrganization!.Key,
            Participants = participants.Count > 0 ? participants : null,
            Language = m.Language,
            Title = m.Title,
            StartsAt = FormatInstant(m.StartsAt, m.StartsOffsetMinutes),
            EndsAt = m.EndsAt is { } end ? FormatInstant(end, m.EndsOffsetMinutes) : null,
            Mode = m.Mode.ToCode(),
            Location = NullIfBlank(m.Location),
            Themes = m.Themes.Select(t => t.Theme!.Key).Order(StringComparer.Ordinal).ToList(),
            Tlp = m.Tlp.ToLabel(),
            Agenda = m.Agenda.Count > 0
                ? m.Agenda.OrderBy(a => a.Position).Select(a => new ExchangeAgendaItem { Title = a.Title, Notes = NullIfBlank(a.Notes) }).ToList()
                : null,
            Minutes = NullIfBlank(m.Minutes),
            Decisions = m.Decisions.Count > 0 ? m.Decisions.OrderBy(d => d.Position).Select(d => d.Text).ToList() : null,
            ActionItems = m.ActionItems.Count > 0
                ? m.ActionItems.OrderBy(a => a.Position).Select(a => new ExchangeActionItem
                {
                    Title = a.Title,
                    // People are not part of the format: an item owned by a person travels without its owner.
                    Owner = a.OwnerOrganization?.Key,
                    Due = a.Due?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                }).ToList()
                : null,
        };
    }

    private static string FormatInstant(DateTimeOffset instant, short offsetMinutes) =>
        instant.ToOffset(TimeSpan.FromMinutes(offsetMinutes)).ToString(DateTimeFormat, CultureInfo.InvariantCulture);

    private static string? NullIfBlank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
