using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Profile;

/// <summary>What a member can change about themselves.</summary>
public sealed class ProfileService(IDbContextFactory<ExchangeDbContext> dbFactory)
{
    public async Task<ProfileView?> GetAsync(Viewer viewer, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Users
            .Where(u => u.Id == viewer.UserId)
            .Select(u => new ProfileView(u.DisplayName, u.Email ?? "", u.Organization!.Name, u.Role, u.PreferredLanguage))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>Saves name and language; <paramref name="preferredLanguage"/> null means "follow my browser".</summary>
    public async Task<CommandResult> UpdateAsync(Viewer viewer, string displayName, string? preferredLanguage, CancellationToken cancellationToken = default)
    {
        var name = (displayName ?? "").Trim();
        if (TextRules.Required(name, FieldLengths.Name) is { } invalidName)
        {
            return CommandResult.Fail("DisplayName", invalidName);
        }

        if (preferredLanguage is not null && !SupportedLanguages.IsSupported(preferredLanguage))
        {
            return CommandResult.Fail("PreferredLanguage", "Validation.Language");
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var updated = await db.Users
            .Where(u => u.Id == viewer.UserId)
            .ExecuteUpdateAsync(
                // A bulk update bypasses the save interceptor: the name is cleaned here (Infrastructure/Text).
                s => s.SetProperty(u => u.DisplayName, Infrastructure.Text.ControlCharacters.Clean(name)).SetProperty(u => u.PreferredLanguage, preferredLanguage),
                cancellationToken);
        return updated == 1 ? CommandResult.Ok : CommandResult.Fail("", "Error.NotFound");
    }
}
