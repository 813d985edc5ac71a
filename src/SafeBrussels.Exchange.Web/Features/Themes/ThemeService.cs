using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Themes;

public sealed record ThemeOption(string Key, string Label, string Description, string? ParentKey, bool IsRetired);

/// <summary>The theme taxonomy in the viewer's language.</summary>
public sealed class ThemeService(IDbContextFactory<ExchangeDbContext> dbFactory)
{
    /// <summary>Themes in tree order (parents before their children); retired ones only when asked.</summary>
    public async Task<IReadOnlyList<ThemeOption>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        var language = SupportedLanguages.Current;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var themes = await db.Themes.AsNoTracking().Include(t => t.Parent)
            .Where(t => includeRetired || !t.IsRetired)
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Key)
            .ToListAsync(cancellationToken);
        return themes.Select(t => new ThemeOption(t.Key, t.Label(language), t.Description(language), t.Parent?.Key, t.IsRetired)).ToList();
    }
}
