using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Themes;

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

    public async Task<IReadOnlyList<ThemeInput>> ListForEditingAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Themes.AsNoTracking()
            .OrderBy(t => t.SortOrder).ThenBy(t => t.Key)
            .Select(t => new ThemeInput
            {
                Key = t.Key, ParentKey = t.Parent != null ? t.Parent.Key : null,
                LabelFr = t.LabelFr, LabelNl = t.LabelNl, LabelEn = t.LabelEn,
                DescriptionFr = t.DescriptionFr, DescriptionNl = t.DescriptionNl, DescriptionEn = t.DescriptionEn,
                IsRetired = t.IsRetired,
            })
            .ToListAsync(cancellationToken);
    }

    /// <summary>Adds a theme (<paramref name="isNew"/>) or renames and re-describes one; only platform administrators. Keys never change.</summary>
    public async Task<CommandResult> SaveAsync(Viewer viewer, ThemeInput input, bool isNew, CancellationToken cancellationToken = default)
    {
        if (!viewer.IsPlatformAdmin)
        {
            return CommandResult.Fail("", "Error.Forbidden");
        }

        input.Key = (input.Key ?? "").Trim().ToLowerInvariant();
        var validation = ThemeInputValidator.Instance.Check(input);
        if (!validation.Succeeded)
        {
            return validation;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var (_, refusal) = await db.CheckAsync(viewer, v => v.IsPlatformAdmin, cancellationToken: cancellationToken);
        if (refusal is not null)
        {
            return refusal;
        }

        var theme = await db.Themes.SingleOrDefaultAsync(t => t.Key == input.Key, cancellationToken);
        if (isNew == (theme is not null))
        {
            return CommandResult.Fail(nameof(ThemeInput.Key), isNew ? "Validation.ThemeKeyTaken" : "Error.NotFound");
        }

        Guid? parentId = null;
        if (!string.IsNullOrEmpty(input.ParentKey))
        {
            parentId = await db.Themes.Where(t => t.Key == input.ParentKey && t.ParentId == null && t.Key != input.Key)
                .Select(t => (Guid?)t.Id).SingleOrDefaultAsync(cancellationToken);
            if (parentId is null)
            {
                return CommandResult.Fail(nameof(ThemeInput.ParentKey), "Validation.UnknownTheme");
            }
        }

        if (theme is null)
        {
            theme = new Theme
            {
                Key = input.Key, LabelFr = "", LabelNl = "", LabelEn = "",
                SortOrder = (await db.Themes.MaxAsync(t => (int?)t.SortOrder, cancellationToken) ?? 0) + 1,
            };
            db.Themes.Add(theme);
        }

        theme.ParentId = parentId;
        theme.LabelFr = input.LabelFr.Trim();
        theme.LabelNl = input.LabelNl.Trim();
        theme.LabelEn = input.LabelEn.Trim();
        theme.DescriptionFr = (input.DescriptionFr ?? "").Trim();
        theme.DescriptionNl = (input.DescriptionNl ?? "").Trim();
        theme.DescriptionEn = (input.DescriptionEn ?? "").Trim();
        theme.IsRetired = input.IsRetired;
        await db.SaveChangesAsync(cancellationToken);
        return CommandResult.Ok;
    }
}
