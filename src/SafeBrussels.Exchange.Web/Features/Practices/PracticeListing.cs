using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// The practice catalogue and the practice pickers: only what the viewer may see (<see cref="SharingPolicy"/>,
/// inside the query).
/// </summary>
public sealed class PracticeListing(IDbContextFactory<ExchangeDbContext> dbFactory)
{
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

    private static string EscapeLike(string text) =>
        text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}
