using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// Creating, adapting and saving a practice: the editor rule, the checks, a refused concurrent save, a repeated
/// submission recorded once.
/// </summary>
public sealed class PracticeSaver(IDbContextFactory<ExchangeDbContext> dbFactory, AuditTrail audit, TimeProvider time, ILogger<PracticeSaver> logger)
{
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
            var current = await PracticeReader.LoadDetailAsync(fresh, viewer, id, cancellationToken);
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

    private sealed record Checked(CommandResult Result, IReadOnlyList<Guid> ThemeIds);

    private static async Task<Checked> ValidateAsync(ExchangeDbContext db, PracticeInput input, bool isAdaptation, IReadOnlySet<Guid> currentThemes, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string>((isAdaptation ? PracticeInputValidator.ForAdaptation : PracticeInputValidator.ForPractice).Check(input).Errors);
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
}
