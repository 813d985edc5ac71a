using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>
/// The glossary the search uses: the <c>glossary_entries</c> table, filled from the reviewed file
/// Features/Search/glossary.json when empty, cached for a minute and refreshed at once after an edit here.
/// </summary>
public sealed class GlossaryStore(IDbContextFactory<ExchangeDbContext> dbFactory, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);

    private readonly SemaphoreSlim _gate = new(1, 1);
    private Glossary? _glossary;
    private DateTimeOffset _loadedAt;

    public async Task<Glossary> GetAsync(CancellationToken cancellationToken = default)
    {
        if (_glossary is { } cached && time.GetUtcNow() - _loadedAt < CacheFor)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_glossary is { } fresh && time.GetUtcNow() - _loadedAt < CacheFor)
            {
                return fresh;
            }

            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (!await db.GlossaryEntries.AnyAsync(cancellationToken))
            {
                await SeedAsync(db, cancellationToken);
            }

            var entries = await db.GlossaryEntries.AsNoTracking().OrderBy(e => e.Key).ToListAsync(cancellationToken);
            _glossary = new Glossary(entries.Select(e => new GlossaryConcept(e.Key, e.Theme, e.TermsFr, e.TermsNl, e.TermsEn)));
            _loadedAt = time.GetUtcNow();
            return _glossary;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _glossary = null;

    /// <summary>The reviewed files shipped with the application: the field's concepts, then its general working vocabulary.</summary>
    public static readonly string[] ShippedFiles = ["glossary.json", "glossary.general.json"];

    /// <summary>The reviewed glossary shipped with the application.</summary>
    public static IReadOnlyList<GlossaryConcept> Shipped() =>
        ShippedFiles.SelectMany(Read).ToList();

    private static IEnumerable<GlossaryConcept> Read(string resource)
    {
        using var stream = typeof(GlossaryStore).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The glossary resource {resource} is missing.");
        var file = JsonSerializer.Deserialize<GlossaryFile>(stream, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException($"The glossary resource {resource} is empty.");
        return file.Concepts.Select(c => new GlossaryConcept(c.Id, c.Theme, c.Fr, c.Nl, c.En)).ToList();
    }

    private async Task SeedAsync(ExchangeDbContext db, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        db.GlossaryEntries.AddRange(Shipped().Select(c => new GlossaryEntry
        {
            Key = c.Key, Theme = c.Theme, TermsFr = [.. c.Fr], TermsNl = [.. c.Nl], TermsEn = [.. c.En], UpdatedAt = now,
        }));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another instance seeded it at the same moment: its rows are the same file's.
        }
    }

    private sealed record GlossaryFile(int Version, List<FileConcept> Concepts);

    private sealed record FileConcept(string Id, string? Theme, List<string> Fr, List<string> Nl, List<string> En);
}
