using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Features.Demo;

/// <summary>
/// The demo world: safe.brussels and the City of Ghent (plus a third city for the sharing rules), with one
/// person per role, their meetings, and practices in three languages loaded through the exchange-format
/// import (Features/Demo/demo-practices.json). Re-running it changes nothing that is already there.
/// </summary>
public sealed class DemoSeeder(
    ExchangeDbContext db,
    UserManager<ApplicationUser> userManager,
    Meetings.MeetingSaver meetings,
    Exchange.ExchangeImporter importer,
    TimeProvider time)
{
    /// <summary>Published on purpose: demo accounts exist only on development machines.</summary>
    public const string Password = "Exchange-demo-2026";

    private static readonly (string Key, string Name, string City, string[] Languages, string[] UsualThemes)[] Organizations =
    [
        ("safe-brussels", "safe.brussels", "Bruxelles / Brussel", ["fr", "nl"], ["intrafamily-violence", "radicalisation", "nuisance-insecurity"]),
        ("stad-gent", "Stad Gent", "Gent", ["nl"], ["street-harassment", "drugs-addiction", "nuisance-insecurity"]),
        ("ville-de-liege", "Ville de Liège", "Liège", ["fr"], ["drugs-addiction", "crisis-management"]),
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
        var themes = await db.Themes.ToDictionaryAsync(t => t.Key, t => t.Id, cancellationToken);
        foreach (var (key, name, city, languages, usualThemes) in Organizations)
        {
            if (!await db.Organizations.AnyAsync(o => o.Key == key, cancellationToken))
            {
                var organization = new Organization { Key = key, Name = name, City = city, Country = "BE", WorkingLanguages = [.. languages] };
                db.Organizations.Add(organization);
                // Its members start following these themes (the digest's default).
                db.OrganizationThemes.AddRange(usualThemes.Select(t => new OrganizationTheme { OrganizationId = organization.Id, ThemeId = themes[t] }));
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

        await SeedPracticesAsync(cancellationToken);
        await SeedMeetingsAsync(cancellationToken);
        return Logins;
    }

    private async Task SeedPracticesAsync(CancellationToken cancellationToken)
    {
        await using (var file = typeof(DemoSeeder).Assembly.GetManifestResourceStream("demo-practices.json")!)
        {
            var report = await importer.ImportAsync(file, dryRun: false, cancellationToken);
            if (!report.Succeeded)
            {
                throw new InvalidOperationException($"Demo practices: {string.Join("; ", report.Problems)}");
            }
        }

        // Recorded over the past year rather than all today, so that the dashboard's charts have a history.
        int[] daysAgo = [3, 10, 35, 70, 110, 150, 200, 260, 320];
        var demoPractices = await db.Practices.Where(p => p.ExternalId.StartsWith("demo-p-")).OrderBy(p => p.ExternalId).Select(p => p.Id).ToListAsync(cancellationToken);
        for (var i = 0; i < demoPractices.Count; i++)
        {
            var id = demoPractices[i];
            var recorded = time.GetUtcNow().AddDays(-daysAgo[i % daysAgo.Length]);
            await db.Practices.Where(p => p.Id == id && p.CreatedAt > recorded)
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.CreatedAt, recorded).SetProperty(x => x.UpdatedAt, recorded), cancellationToken);
        }

        // Imported records have no author; in the demo, each organization's contributor wrote its practices.
        foreach (var login in Logins.Where(l => l.Role == RoleNames.Contributor))
        {
            var author = await db.Users.SingleAsync(u => u.Email == login.Email, cancellationToken);
            await db.Practices
                .Where(p => p.AuthorId == null && p.OrganizationId == author.OrganizationId && p.ExternalId.StartsWith("demo-p-"))
                .ExecuteUpdateAsync(p => p.SetProperty(x => x.AuthorId, author.Id), cancellationToken);
        }
    }

    private async Task SeedMeetingsAsync(CancellationToken cancellationToken)
    {
        var users = await db.Users.Where(u => u.Email!.EndsWith(".example")).ToDictionaryAsync(u => u.Email!, cancellationToken);
        var organizations = await db.Organizations.ToDictionaryAsync(o => o.Key, o => o.Id, cancellationToken);
        foreach (var seed in DemoMeetings.All(time.GetUtcNow()))
        {
            if (await db.Meetings.AnyAsync(m => m.Title == seed.Input.Title, cancellationToken))
            {
                continue;
            }

            var author = users[seed.AuthorEmail];
            seed.Input.ParticipantOrganizationIds = seed.ParticipantKeys.Select(k => organizations[k]).ToList();
            seed.Input.AttendeeUserIds = seed.AttendeeEmails.Select(e => users[e].Id).ToList();
            seed.Input.ActionItems = seed.Actions.Select(a => new Meetings.ActionItemInput
            {
                Title = a.Title,
                OwnerOrganizationId = organizations[a.OwnerKey],
                Due = DateOnly.FromDateTime(time.GetUtcNow().AddDays(a.DueInDays).UtcDateTime),
            }).ToList();
            var cited = seed.PracticeExternalIds;
            seed.Input.PracticeIds = await db.Practices.Where(p => cited.Contains(p.ExternalId)).Select(p => p.Id).ToListAsync(cancellationToken);
            var viewer = new Accounts.Viewer(author.Id, author.OrganizationId, author.Role, author.DisplayName);
            var outcome = await meetings.CreateAsync(viewer, seed.Input, cancellationToken: cancellationToken);
            if (!outcome.Result.Succeeded)
            {
                throw new InvalidOperationException($"Demo meeting '{seed.Input.Title}': {string.Join(", ", outcome.Result.Errors)}");
            }
        }
    }
}
