using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Demo;

public sealed record DemoLogin(string Email, string OrganizationKey, string Role, string DisplayName);

/// <summary>
/// The demo world: safe.brussels and the City of Ghent (plus a third city for the sharing rules), with one
/// person per role. Re-running it changes nothing that is already there.
/// </summary>
public sealed class DemoSeeder(ExchangeDbContext db, UserManager<ApplicationUser> userManager)
{
    /// <summary>Published on purpose: demo accounts exist only on development machines.</summary>
    public const string Password = "Exchange-demo-2026";

    private static readonly (string Key, string Name, string City, string[] Languages)[] Organizations =
    [
        ("safe-brussels", "safe.brussels", "Bruxelles / Brussel", ["fr", "nl"]),
        ("stad-gent", "Stad Gent", "Gent", ["nl"]),
        ("ville-de-liege", "Ville de Liège", "Liège", ["fr"]),
    ];

    public static IReadOnlyList<DemoLogin> Logins { get; } =
    [
        new("platform.admin@safe-brussels.example", "safe-brussels", RoleNames.PlatformAdmin, "Marc Dubois"),
        new("org.admin@safe-brussels.example", "safe-brussels", RoleNames.OrgAdmin, "Nadia El Amrani"),
        new("contributor@safe-brussels.example", "safe-brussels", RoleNames.Contributor, "Julie Peeters"),
        new("reader@safe-brussels.example", "safe-brussels", RoleNames.Reader, "Thomas Janssens"),
        new("org.admin@stad-gent.example", "stad-gent", RoleNames.OrgAdmin, "Pieter De Smet"),
        new("contributor@stad-gent.example", "stad-gent", RoleNames.Contributor, "Lotte Van Damme"),
        new("reader@stad-gent.example", "stad-gent", RoleNames.Reader, "Bram Claes"),
        new("reader@ville-de-liege.example", "ville-de-liege", RoleNames.Reader, "Claire Martin"),
    ];

    public async Task<IReadOnlyList<DemoLogin>> SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var (key, name, city, languages) in Organizations)
        {
            if (!await db.Organizations.AnyAsync(o => o.Key == key, cancellationToken))
            {
                db.Organizations.Add(new Organization { Key = key, Name = name, City = city, Country = "BE", WorkingLanguages = [.. languages] });
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Key, cancellationToken);

        foreach (var login in Logins)
        {
            if (await userManager.FindByEmailAsync(login.Email) is not null)
            {
                continue;
            }

            RoleNames.TryParse(login.Role, out var role);
            var organization = organizations[login.OrganizationKey];
            var user = new ApplicationUser
            {
                UserName = login.Email,
                Email = login.Email,
                EmailConfirmed = true,
                DisplayName = login.DisplayName,
                OrganizationId = organization.Id,
                Role = role,
                PreferredLanguage = role == Data.ExchangeRole.PlatformAdmin ? "en" : organization.WorkingLanguages[0],
            };
            var result = await userManager.CreateAsync(user, Password);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException($"Demo user {login.Email}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
            }
        }

        return Logins;
    }
}
