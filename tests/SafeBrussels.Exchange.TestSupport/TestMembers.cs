using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using Xunit;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>Organizations and members made the way the application makes them (Identity's user manager), for any test host.</summary>
public static class TestMembers
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> Hashes = new();

    public static async Task<Organization> CreateOrganizationAsync(TestDatabase database, string language = "fr")
    {
        await using var db = database.CreateContext();
        var key = "org-" + Guid.NewGuid().ToString("N")[..10];
        var organization = new Organization { Key = key, Name = "Org " + key, City = "Brussel", Country = "BE", WorkingLanguages = [language] };
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    /// <summary>A confirmed, active member of <paramref name="organizationId"/> with <paramref name="password"/>.</summary>
    public static async Task<(ApplicationUser User, Viewer Viewer)> CreateAsync(
        IServiceProvider services, Guid organizationId, ExchangeRole role, string password, string? language = "en", string? email = null)
    {
        await using var scope = services.CreateAsyncScope();
        email ??= $"{role.ToName()}-{Guid.NewGuid():N}@example.org";
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = "Person " + email[..12],
            OrganizationId = organizationId,
            Role = role,
            PreferredLanguage = language,
        };
        // The password's hash is the application's own (Identity's hasher), computed once per password rather than for
        // every member: a test run creates thousands of members, and each hash costs 100,000 PBKDF2 iterations.
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        user.PasswordHash = Hashes.GetOrAdd(password, p => users.PasswordHasher.HashPassword(user, p));
        var result = await users.CreateAsync(user);
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.Select(e => e.Description)));
        return (user, new Viewer(user.Id, organizationId, role, user.DisplayName));
    }
}
