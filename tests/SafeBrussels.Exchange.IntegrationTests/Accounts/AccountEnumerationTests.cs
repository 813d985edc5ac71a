using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

/// <summary>
/// Whether an account exists cannot be told from sign-in or password reset: the same work (a password hash is verified
/// in both cases) and the same answers, lockout included. Timings are measured elsewhere, never asserted here.
/// </summary>
[Collection(AppCollection.Name)]
public sealed partial class AccountEnumerationTests(AppFixture app)
{
    [Fact]
    public async Task Sign_in_answers_an_unknown_address_as_a_wrong_password_and_locks_it_out_alike()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var unknown = $"nobody-{Guid.NewGuid():N}@example.org";
        using var member = app.NewSession();
        using var stranger = app.NewSession();

        // Five failures each, then the right password (the member's) and any password (the unknown address's).
        for (var attempt = 1; attempt <= 6; attempt++)
        {
            var password = attempt == 6 ? AppFixture.Password : "wrong password " + attempt;
            var known = await Describe(await member.SignInAsync(user.Email!, password));
            var missing = await Describe(await stranger.SignInAsync(unknown, password));
            Assert.Equal(known, missing);
            Assert.StartsWith(attempt < 5 ? "200 Sign-in failed" : "302 /Account/Lockout", known, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Sign_in_verifies_a_password_hash_for_an_unknown_address_as_for_an_account()
    {
        var hasher = new CountingHasher();
        await using var factory = app.Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddSingleton<IPasswordHasher<ApplicationUser>>(provider =>
                hasher.Wrap(new PasswordHasher<ApplicationUser>(provider.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var session = new WebSession(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = false,
            HandleCookies = true,
            BaseAddress = new Uri("https://localhost"),
        }));

        var before = hasher.Verifications;
        await session.SignInAsync(user.Email!, "a wrong password");
        var forAccount = hasher.Verifications - before;
        before = hasher.Verifications;
        await session.SignInAsync($"nobody-{Guid.NewGuid():N}@example.org", "a wrong password");
        var forUnknown = hasher.Verifications - before;

        var (deactivated, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        await using (var db = app.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == deactivated.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        before = hasher.Verifications;
        await session.SignInAsync(deactivated.Email!, "a wrong password");
        var forDeactivated = hasher.Verifications - before;

        Assert.Equal(1, forAccount);
        Assert.Equal(forAccount, forUnknown);
        Assert.Equal(forAccount, forDeactivated);
    }

    [Fact]
    public async Task Password_reset_answers_an_unknown_address_as_an_account_with_a_link_that_is_not_theirs()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var link = "/Account/ResetPassword?code=" + Microsoft.AspNetCore.WebUtilities.WebEncoders.Base64UrlEncode("not a reset token"u8.ToArray());
        var answers = new List<string>();
        foreach (var email in new[] { user.Email!, $"nobody-{Guid.NewGuid():N}@example.org" })
        {
            using var session = app.NewSession();
            var reset = await session.SubmitFormAsync(link, "reset-password", new Dictionary<string, string>
            {
                ["Input.Email"] = email,
                ["Input.Password"] = "my brand new password",
                ["Input.ConfirmPassword"] = "my brand new password",
            });
            answers.Add(await Describe(reset));
        }

        Assert.Equal(answers[0], answers[1]);
        Assert.StartsWith("200 ", answers[0], StringComparison.Ordinal);
    }

    /// <summary>The status, and where it leads or the page's alert text (without per-request tokens).</summary>
    private static async Task<string> Describe(HttpResponseMessage response)
    {
        if (response.StatusCode == HttpStatusCode.Redirect)
        {
            return $"302 {response.Headers.Location!.AbsolutePath}";
        }

        var html = await response.Content.ReadAsStringAsync();
        var alert = Alert().Match(html);
        return $"{(int)response.StatusCode} {(alert.Success ? WebUtility.HtmlDecode(Regex.Replace(alert.Groups[1].Value, "<[^>]+>", "")).Trim() : "")}";
    }

    [GeneratedRegex("role=\"alert\"[^>]*>(.*?)</div>", RegexOptions.Singleline)]
    private static partial Regex Alert();

    private sealed class CountingHasher
    {
        private int _verifications;

        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<ApplicationUser> Wrap(IPasswordHasher<ApplicationUser> inner) => new Counting(inner, this);

        private sealed class Counting(IPasswordHasher<ApplicationUser> inner, CountingHasher counter) : IPasswordHasher<ApplicationUser>
        {
            public string HashPassword(ApplicationUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(ApplicationUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
