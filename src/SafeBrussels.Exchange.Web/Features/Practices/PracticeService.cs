using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>The practice catalogue: every read goes through <see cref="SharingPolicy"/> inside the query.</summary>
public sealed class PracticeService(
    IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit, TimeProvider time, ILogger<PracticeService> logger)
{
    private const int MaxLineageDepth = 32;

    public async Task<Page<PracticeListItem>> ListAsync(Viewer viewer, PracticeQuery query, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var visible = db.Practices.VisibleTo(viewer);
        var practices = Filter(visible.AsNoTracking(), query);

        var total = await practices.CountAsync(cancellationToken);
        var ordered = query.Sort switch
        {
            PracticeSort.Title => practices.OrderBy(p => p.Title).ThenBy(p => p.Id),
            PracticeSort.Updated => practices.OrderByDescending(p => p.UpdatedAt).ThenByDescending(p => p.Id),
            _ => practices.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
        };
        var pageSize = Math.Clamp(query.PageSize, 1, PracticeQuery.MaxPageSize);
        var page = Math.Max(query.Page, 1);
        var items = await ordered
            .Skip((page - 1) * pageSize)
            .Take(pageSize)
            .Select(p => new PracticeListItem(
                p.Id, p.ExternalId, p.Title, p.Summary, p.Organization!.Key, p.Organization.Name, p.Language, p.Tlp,
                p.Themes.Select(t => t.Theme!.Key).ToList(), p.Evidence, p.Status,
                // The original is named only when the viewer may see it.
                visible.Where(o => o.Id == p.AdaptedFromId).Select(o => o.ExternalId).FirstOrDefault(),
                p.Translations, p.UpdatedAt))
            .ToListAsync(cancellationToken);
        return new Page<PracticeListItem>(total, items);
    }

    /// <summary>The whole record with its lineage and meetings, or null when it does not exist or is hidden (indistinguishable).</summary>
    /// <remarks>A read of an AMBER+STRICT or RED practice is written to the audit trail.</remarks>
    public async Task<PracticeDetail?> GetAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practice = await LoadDetailAsync(db, viewer, id, cancellationToken);
        if (practice is not null)
        {
            await audit.ReadAsync(viewer, AuditTargets.Practice, practice.Id, practice.OrganizationId, practice.Tlp, cancellationToken);
        }

        return practice;
    }

    /// <summary>Visible practices whose title or identifier contains <paramref name="text"/>, for pickers.</summary>
    public async Task<IReadOnlyList<PracticeOption>> FindAsync(Viewer viewer, string? text, int take = 20, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var practices = db.Practices.AsNoTracking().VisibleTo(viewer);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = "%" + EscapeLike(text.Trim()) + "%";
            practices = practices.Where(p => EF.Functions.ILike(p.Title, pattern) || EF.Functions.ILike(p.ExternalId, pattern));
        }

        return await practices
            .OrderBy(p => p.Title)
            .Take(Math.Clamp(take, 1, 50))
            .Select(p => new PracticeOption(p.Id, p.Title, p.Organization!.Name, p.Language))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The visible practices among <paramref name="ids"/>, for showing a selection.</summary>
    public async Task<IReadOnlyList<PracticeOption>> OptionsAsync(Viewer viewer, IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Practices.AsNoTracking().VisibleTo(viewer)
            .Where(p => ids.Contains(p.Id))
            .OrderBy(p => p.Title)
            .Select(p => new PracticeOption(p.Id, p.Title, p.Organization!.Name, p.Language))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Records a new practice of the viewer's organization; with <paramref name="adaptedFromId"/>, an adaptation of a visible practice.</summary>
    /// <param name="idempotencyKey">The form instance's key: a repeat of the same submission answers with the practice the first one created.</param>
    public async Task<PracticeSaveOutcome> CreateAsync(
        Viewer viewer, PracticeInput input, Guid? adaptedFromId = null, string? idempotencyKey = null, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.CanContribute, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return new PracticeSaveOutcome(refusal);
        }

        viewer = standing!;
        if (await db.EarlierAsync(viewer.UserId, IdempotencyScope, idempotencyKey, cancellationToken) is { } earlier)
        {
            return await RepeatedAsync(db, earlier, cancellationToken);
        }

        if (adaptedFromId is { } originalId && !await db.Practices.VisibleTo(viewer).AnyAsync(p => p.Id == originalId, cancellationToken))
        {
            return new PracticeSaveOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        var check = await ValidateAsync(db, input, adaptedFromId is not null, new HashSet<Guid>(), cancellationToken);
        if (!check.Result.Succeeded)
        {
            return new PracticeSaveOutcome(check.Result);
        }

        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7();
        var practice = new Practice
        {
            Id = id,
            ExternalId = id.ToString(),
            OrganizationId = viewer.OrganizationId,
            AuthorId = viewer.UserId,
            AdaptedFromId = adaptedFromId,
            Language = input.Language,
            Title = input.Title.Trim(),
            Summary = input.Summary.Trim(),
            CreatedAt = now,
        };
        Apply(practice, input, check.ThemeIds, now);
        db.Practices.Add(practice);
        audit.AddContentSave(db, viewer, AuditTargets.Practice, practice.Id, practice.OrganizationId, before: null, practice.Tlp);
        if (await db.SaveOnceAsync(viewer.UserId, IdempotencyScope, idempotencyKey, id, now, cancellationToken) is { } repeated)
        {
            return await RepeatedAsync(db, repeated, cancellationToken);
        }

        logger.LogInformation(
            "Practice {PracticeId} created by {UserId} ({Tlp}), adapted from {OriginalId}",
            practice.Id, viewer.UserId, practice.Tlp.ToLabel(), adaptedFromId);
        return new PracticeSaveOutcome(CommandResult.Ok, practice.Id, practice.Version);
    }

    private const string IdempotencyScope = "practice";

    private static async Task<PracticeSaveOutcome> RepeatedAsync(ExchangeDbContext db, Guid id, CancellationToken cancellationToken)
    {
        var version = await db.Practices.Where(p => p.Id == id).Select(p => (uint?)p.Version).SingleOrDefaultAsync(cancellationToken);
        return new PracticeSaveOutcome(CommandResult.Ok, id, version);
    }

    /// <summary>Saves if nobody saved since <paramref name="expectedVersion"/> was read; otherwise returns the record as it now is.</summary>
    public async Task<PracticeSaveOutcome> UpdateAsync(Viewer viewer, Guid id, PracticeInput input, uint expectedVersion, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // A reader is told "not found", as for a record they may not edit.
        var (standing, refusal) = await db.CheckAsync(viewer, v => v.CanContribute, "Error.NotFound", cancellationToken);
        if (refusal is not null)
        {
            return new PracticeSaveOutcome(refusal);
        }

        viewer = standing!;
        var practice = await db.Practices
            .VisibleTo(viewer)
            .Where(SharingPolicy.PracticesEditableBy(viewer))
            .Include(p => p.Themes)
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practice is null)
        {
            return new PracticeSaveOutcome(CommandResult.Fail("", "Error.NotFound"));
        }

        var check = await ValidateAsync(db, input, practice.AdaptedFromId is not null, practice.Themes.Select(t => t.ThemeId).ToHashSet(), cancellationToken);
        if (!check.Result.Succeeded)
        {
            return new PracticeSaveOutcome(check.Result);
        }

        db.Entry(practice).Property(p => p.Version).OriginalValue = expectedVersion;
        var tlpBefore = practice.Tlp;
        Apply(practice, input, check.ThemeIds, time.GetUtcNow());
        audit.AddContentSave(db, viewer, AuditTargets.Practice, practice.Id, practice.OrganizationId, tlpBefore, practice.Tlp);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            logger.LogInformation("Practice {PracticeId}: save by {UserId} refused, saved by someone else meanwhile", id, viewer.UserId);
            await using var fresh = await dbFactory.CreateDbContextAsync(cancellationToken);
            var current = await LoadDetailAsync(fresh, viewer, id, cancellationToken);
            return new PracticeSaveOutcome(CommandResult.Fail("", PracticeSaveOutcome.ConflictKey), id, current?.Version, current);
        }

        logger.LogInformation("Practice {PracticeId} saved by {UserId}", id, viewer.UserId);
        return new PracticeSaveOutcome(CommandResult.Ok, id, practice.Version);
    }

    /// <summary>The editable fields of a practice, to fill the edit form.</summary>
    public static PracticeInput ToInput(PracticeDetail detail) => new()
    {
        Language = detail.Language,
        Title = detail.Title,
        Summary = detail.Summary,
        Problem = detail.Problem,
        Approach = detail.Approach,
        Results = detail.Results,
        TargetGroups = [.. detail.TargetGroups],
        Themes = [.. detail.Themes],
        Tlp = detail.Tlp,
        Status = detail.Status,
        Evidence = detail.Evidence,
        StartedOn = detail.StartedOn,
        ContactName = detail.ContactName,
        ContactEmail = detail.ContactEmail,
        Translations = detail.Translations.ToDictionary(t => t.Language, t => new TranslationInput { Title = t.Title, Summary = t.Summary }),
        AdaptationContext = detail.AdaptationContext,
        AdaptationChanges = detail.AdaptationChanges,
    };

    /// <summary>A new adaptation, pre-filled from the original; the local context and the changes are left to write.</summary>
    public static PracticeInput ToAdaptation(PracticeDetail original, string language) => new()
    {
        // An adaptation is a record of its own, in the adapting city's language, with no translations yet: the
        // original's texts and translations are the original's. The editor shows them beside the form, in their own
        // language, and copies a text only when the person asks. What no language carries is kept.
        Language = language,
        Themes = [.. original.Themes],
        Tlp = original.Tlp,
        Status = PracticeStatus.Planned,
        Evidence = EvidenceLevel.Untested,
    };

    internal static IQueryable<Practice> Filter(IQueryable<Practice> practices, PracticeQuery query)
    {
        if (!string.IsNullOrEmpty(query.Theme))
        {
            // A theme includes its sub-themes (ThemeFilter).
            var theme = query.Theme;
            practices = practices.OnTheme(theme);
        }

        if (!string.IsNullOrEmpty(query.Organization))
        {
            var key = query.Organization;
            practices = practices.Where(p => p.Organization!.Key == key);
        }

        if (!string.IsNullOrEmpty(query.Language))
        {
            var language = query.Language;
            practices = practices.Where(p => p.Language == language);
        }

        if (query.Evidence is { } evidence)
        {
            practices = practices.Where(p => p.Evidence == evidence);
        }

        if (query.Status is { } status)
        {
            practices = practices.Where(p => p.Status == status);
        }

        if (query.From is { } from)
        {
            var fromUtc = from.ToUniversalTime();
            practices = practices.Where(p => p.CreatedAt >= fromUtc);
        }

        if (query.Before is { } before)
        {
            var beforeUtc = before.ToUniversalTime();
            practices = practices.Where(p => p.CreatedAt < beforeUtc);
        }

        return practices;
    }

    private static async Task<PracticeDetail?> LoadDetailAsync(ExchangeDbContext db, Viewer viewer, Guid id, CancellationToken cancellationToken)
    {
        var practice = await db.Practices.AsNoTracking()
            .VisibleTo(viewer)
            .Include(p => p.Organization)
            .Include(p => p.Author)
            .Include(p => p.Themes).ThenInclude(t => t.Theme)
            .AsSplitQuery()
            .SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (practice is null)
        {
            return null;
        }

        var lineage = await LoadLineageAsync(db, viewer, practice, cancellationToken);
        var meetings = await db.Meetings.AsNoTracking()
            .VisibleTo(viewer)
            .Where(m => m.Practices.Any(l => l.PracticeId == id))
            .OrderByDescending(m => m.StartsAt)
            .Select(m => new PracticeMeeting(m.Id, m.Title, m.StartsAt, m.HostOrganization!.Name, m.Tlp))
            .ToListAsync(cancellationToken);
        var editable = SharingPolicy.PracticesEditableBy(viewer).Compile();

        return new PracticeDetail(
            practice.Id, practice.ExternalId, practice.OrganizationId, practice.Organization!.Key, practice.Organization.Name,
            practice.Language, practice.Title, practice.Summary, practice.Problem, practice.Approach, practice.Results,
            practice.TargetGroups, practice.Themes.Select(t => t.Theme!.Key).Order(StringComparer.Ordinal).ToList(),
            practice.Tlp, practice.Status, practice.Evidence, practice.StartedOn, practice.ContactName, practice.ContactEmail,
            practice.AdaptationContext, practice.AdaptationChanges, practice.Translations,
            practice.AuthorId, practice.Author?.DisplayName, practice.CreatedAt, practice.UpdatedAt, practice.Version,
            editable(practice), lineage, meetings);
    }

    private sealed record NodeRow(
        Guid Id, string ExternalId, Guid? AdaptedFromId, string Title, string OrganizationName, string City, string Language,
        Tlp Tlp, PracticeStatus Status, EvidenceLevel Evidence, DateTimeOffset CreatedAt, string AdaptationChanges);

    /// <summary>Walks up through visible originals, then down through visible adaptations, one query a level.</summary>
    private static async Task<PracticeLineage> LoadLineageAsync(ExchangeDbContext db, Viewer viewer, Practice practice, CancellationToken cancellationToken)
    {
        var visible = db.Practices.AsNoTracking().VisibleTo(viewer);
        IQueryable<NodeRow> Rows(IQueryable<Practice> source) => source.Select(p => new NodeRow(
            p.Id, p.ExternalId, p.AdaptedFromId, p.Title, p.Organization!.Name, p.Organization.City, p.Language,
            p.Tlp, p.Status, p.Evidence, p.CreatedAt, p.AdaptationChanges));

        var seen = new HashSet<Guid> { practice.Id };
        var root = practice.Id;
        var parentId = practice.AdaptedFromId;
        for (var depth = 0; parentId is { } next && depth < MaxLineageDepth && !seen.Contains(next); depth++)
        {
            var parent = await visible.Where(p => p.Id == next).Select(p => new { p.Id, p.AdaptedFromId }).SingleOrDefaultAsync(cancellationToken);
            if (parent is null)
            {
                break;
            }

            seen.Add(parent.Id);
            root = parent.Id;
            parentId = parent.AdaptedFromId;
        }

        var rows = new Dictionary<Guid, NodeRow>();
        var frontier = new List<Guid> { root };
        foreach (var row in await Rows(visible.Where(p => p.Id == root)).ToListAsync(cancellationToken))
        {
            rows[row.Id] = row;
        }

        for (var depth = 0; frontier.Count > 0 && depth < MaxLineageDepth; depth++)
        {
            var level = frontier;
            var children = await Rows(visible.Where(p => p.AdaptedFromId != null && level.Contains(p.AdaptedFromId.Value))).ToListAsync(cancellationToken);
            frontier = [];
            foreach (var child in children.Where(c => rows.TryAdd(c.Id, c)))
            {
                frontier.Add(child.Id);
            }
        }

        var byParent = rows.Values.Where(r => r.Id != root && r.AdaptedFromId is not null).ToLookup(r => r.AdaptedFromId!.Value);
        LineageNode Build(NodeRow row) => new(
            row.Id, row.ExternalId, row.Title, row.OrganizationName, row.City, row.Language, row.Tlp, row.Status, row.Evidence,
            row.CreatedAt, row.AdaptationChanges,
            byParent[row.Id].OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(Build).ToList());

        var tree = Build(rows[root]);
        var all = PracticeLineage.Flatten(tree).ToList();
        var self = all.First(n => n.Id == practice.Id);
        var adaptedFrom = practice.AdaptedFromId is { } originalId ? all.FirstOrDefault(n => n.Id == originalId) : null;
        return new PracticeLineage(tree, adaptedFrom, self.Adaptations);
    }

    private sealed record Checked(CommandResult Result, IReadOnlyList<Guid> ThemeIds);

    private static async Task<Checked> ValidateAsync(ExchangeDbContext db, PracticeInput input, bool isAdaptation, IReadOnlySet<Guid> currentThemes, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>(input.Validate(isAdaptation).Errors);
        var keys = input.Themes.Distinct().ToList();
        var themes = await db.Themes.Where(t => keys.Contains(t.Key)).Select(t => new { t.Id, t.IsRetired }).ToListAsync(cancellationToken);
        // A retired theme stays on the records that have it but is not offered for new ones.
        if (themes.Count != keys.Count || themes.Any(t => t.IsRetired && !currentThemes.Contains(t.Id)))
        {
            errors.TryAdd(nameof(PracticeInput.Themes), "Validation.UnknownTheme");
        }

        return new Checked(new CommandResult(errors), themes.Select(t => t.Id).ToList());
    }

    private static void Apply(Practice practice, PracticeInput input, IReadOnlyList<Guid> themeIds, DateTimeOffset now)
    {
        practice.Language = input.Language;
        practice.Title = input.Title.Trim();
        practice.Summary = input.Summary.Trim();
        practice.Problem = input.Problem ?? "";
        practice.Approach = input.Approach ?? "";
        practice.Results = input.Results ?? "";
        practice.TargetGroups = input.TargetGroups.Select(g => g.Trim()).Where(g => g.Length > 0).ToList();
        practice.Tlp = input.Tlp;
        practice.Status = input.Status;
        practice.Evidence = input.Evidence;
        practice.StartedOn = input.StartedOn;
        practice.ContactName = (input.ContactName ?? "").Trim();
        practice.ContactEmail = (input.ContactEmail ?? "").Trim();
        practice.Translations = input.ToTranslations();
        practice.AdaptationContext = practice.AdaptedFromId is null ? "" : input.AdaptationContext.Trim();
        practice.AdaptationChanges = practice.AdaptedFromId is null ? "" : input.AdaptationChanges.Trim();
        practice.UpdatedAt = now;
        practice.ImportHash = null;
        practice.Version++;

        // Join rows are keyed by their pair: keep the ones that stay, so the same key is never deleted and re-added.
        practice.Themes.RemoveAll(t => !themeIds.Contains(t.ThemeId));
        practice.Themes.AddRange(themeIds.Except(practice.Themes.Select(t => t.ThemeId))
            .Select(themeId => new PracticeTheme { PracticeId = practice.Id, ThemeId = themeId }));
    }

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
