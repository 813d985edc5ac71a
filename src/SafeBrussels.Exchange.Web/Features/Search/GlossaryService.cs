using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Platform administrators maintain the glossary; each change is used by the next search.</summary>
public sealed class GlossaryService(IDbContextFactory<ExchangeDbContext> dbFactory, GlossaryStore store, TimeProvider time, ILogger<GlossaryService> logger)
{
    public const int TermLength = 80;

    public async Task<IReadOnlyList<GlossaryEntryView>> ListAsync(string? filter, CancellationToken cancellationToken = default)
    {
        await store.GetAsync(cancellationToken); // seeds the table from the shipped file on first use
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entries = await db.GlossaryEntries.AsNoTracking().OrderBy(e => e.Key).ToListAsync(cancellationToken);
        var folded = string.IsNullOrWhiteSpace(filter) ? null : TextFolding.Fold(filter.Trim());
        return entries
            .Where(e => folded is null || TextFolding.Fold(e.Key).Contains(folded, StringComparison.Ordinal)
                || e.TermsFr.Concat(e.TermsNl).Concat(e.TermsEn).Any(t => TextFolding.Fold(t).Contains(folded, StringComparison.Ordinal)))
            .Select(e => new GlossaryEntryView(e.Id, e.Key, e.Theme, e.TermsFr, e.TermsNl, e.TermsEn))
            .ToList();
    }

    /// <summary>Creates (null id) or replaces a concept; every language needs at least one term, and a term belongs to one concept only.</summary>
    public async Task<CommandResult> SaveAsync(Viewer viewer, Guid? id, string key, IReadOnlyList<string> fr, IReadOnlyList<string> nl, IReadOnlyList<string> en, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        var errors = new Dictionary<string, string>();
        key = key.Trim().ToLowerInvariant();
        if (!System.Text.RegularExpressions.Regex.IsMatch(key, "^[a-z0-9][a-z0-9-]{0,99}$"))
        {
            errors["Key"] = "Validation.GlossaryKey";
        }

        var terms = new Dictionary<string, List<string>> { ["Fr"] = Clean(fr), ["Nl"] = Clean(nl), ["En"] = Clean(en) };
        foreach (var (field, list) in terms)
        {
            if (list.Count == 0 || list.Any(t => t.Length > TermLength))
            {
                errors[field] = "Validation.GlossaryTerms";
            }
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var others = await db.GlossaryEntries.AsNoTracking().Where(e => e.Id != id).ToListAsync(cancellationToken);
        if (others.Any(o => o.Key == key))
        {
            errors.TryAdd("Key", "Validation.GlossaryKeyTaken");
        }

        var taken = others.SelectMany(o => o.TermsFr.Concat(o.TermsNl).Concat(o.TermsEn)).Select(TextFolding.Fold).ToHashSet(StringComparer.Ordinal);
        foreach (var (field, list) in terms)
        {
            if (list.Any(t => taken.Contains(TextFolding.Fold(t))))
            {
                errors.TryAdd(field, "Validation.GlossaryTermTaken");
            }
        }

        if (errors.Count > 0)
        {
            return new CommandResult(errors);
        }

        var entry = id is { } existing ? await db.GlossaryEntries.SingleOrDefaultAsync(e => e.Id == existing, cancellationToken) : null;
        if (id is not null && entry is null)
        {
            return CommandResult.Fail("", "Error.NotFound");
        }

        if (entry is null)
        {
            entry = new GlossaryEntry { Key = key };
            db.GlossaryEntries.Add(entry);
        }

        entry.Key = key;
        entry.TermsFr = terms["Fr"];
        entry.TermsNl = terms["Nl"];
        entry.TermsEn = terms["En"];
        entry.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        store.Invalidate();
        logger.LogInformation("Glossary concept {Key} saved by {UserId}", key, viewer.UserId);
        return CommandResult.Ok;
    }

    public async Task<CommandResult> DeleteAsync(Viewer viewer, Guid id, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.GlossaryEntries.Where(e => e.Id == id).ExecuteDeleteAsync(cancellationToken);
        store.Invalidate();
        logger.LogInformation("Glossary concept {Id} deleted by {UserId}", id, viewer.UserId);
        return CommandResult.Ok;
    }

    /// <summary>The glossary as the reviewed file's format, to bring administrators' edits back into the repository.</summary>
    public async Task<string> ExportAsync(CancellationToken cancellationToken = default)
    {
        var entries = await ListAsync(null, cancellationToken);
        var file = new
        {
            version = 1,
            concepts = entries.Select(e => new { id = e.Key, theme = e.Theme, fr = e.Fr, nl = e.Nl, en = e.En }),
        };
        return JsonSerializer.Serialize(file, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    private static List<string> Clean(IEnumerable<string> terms) =>
        terms.Select(t => t.Trim()).Where(t => t.Length > 0).Distinct(StringComparer.Ordinal).ToList();
}
