using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Cli;

[Collection(AppCollection.Name)]
public sealed class CommandLineTests(AppFixture app)
{
    [Fact]
    public async Task Users_add_without_password_prints_a_single_use_invitation_link()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = $"first-{Guid.NewGuid():N}@example.org";
        var (code, output, _) = await RunAsync("users", "add", "--email", email, "--org", organization.Key, "--role", "org-admin");

        Assert.Equal(0, code);
        var link = output.Trim().Split('\n').Last().Trim();
        Assert.StartsWith("https://localhost/Account/Invitation?token=", link);
        await using var db = app.Database.CreateContext();
        var invitation = await db.Invitations.SingleAsync(i => i.Email == email);
        Assert.Equal(ExchangeRole.OrgAdmin, invitation.Role);
    }

    [Fact]
    public async Task Users_add_with_password_creates_a_member_who_can_sign_in()
    {
        var organization = await app.CreateOrganizationAsync();
        var email = $"admin-{Guid.NewGuid():N}@example.org";
        var (code, _, _) = await RunAsync("users", "add", "--email", email, "--org", organization.Key, "--role", "platform-admin", "--password", "operator chosen password");
        Assert.Equal(0, code);

        using var session = app.NewSession();
        var signIn = await session.SignInAsync(email, "operator chosen password");
        Assert.Equal(System.Net.HttpStatusCode.Redirect, signIn.StatusCode);
        await using var db = app.Database.CreateContext();
        Assert.Equal(ExchangeRole.PlatformAdmin, (await db.Users.SingleAsync(u => u.Email == email)).Role);
    }

    [Fact]
    public async Task A_fresh_installation_gets_its_first_organization_and_platform_administrator_from_the_command_line()
    {
        var key = "city-" + Guid.NewGuid().ToString("N")[..8];
        var email = $"root-{Guid.NewGuid():N}@example.org";
        var created = await RunAsync("organizations", "add", "--key", key, "--name", "Ville de Namur", "--city", "Namur", "--country", "be", "--languages", "fr, nl");
        Assert.Equal(0, created.Code);
        Assert.Equal(0, (await RunAsync("users", "add", "--email", email, "--org", key, "--role", "platform-admin", "--password", "first administrator password")).Code);

        await using var db = app.Database.CreateContext();
        var organization = await db.Organizations.SingleAsync(o => o.Key == key);
        Assert.Equal("BE", organization.Country);
        Assert.Equal(["fr", "nl"], organization.WorkingLanguages);
        using var session = app.NewSession();
        Assert.Equal(System.Net.HttpStatusCode.Redirect, (await session.SignInAsync(email, "first administrator password")).StatusCode);
    }

    [Theory]
    [InlineData("--key: the key must be lower-case", "organizations", "add", "--key", "Bad Key", "--name", "N", "--city", "C", "--country", "BE", "--languages", "fr")]
    [InlineData("--languages: give one or more of fr, nl, en", "organizations", "add", "--key", "ok-key", "--name", "N", "--city", "C", "--country", "BE", "--languages", "de")]
    [InlineData("--country: use a two-letter country code", "organizations", "add", "--key", "ok-key", "--name", "N", "--city", "C", "--country", "Belgium", "--languages", "nl")]
    [InlineData("Unrecognized command or argument 'organisations'", "organisations", "add")]
    [InlineData("No organization has the key 'nowhere'", "users", "add", "--email", "a@example.org", "--org", "nowhere", "--role", "reader")]
    [InlineData("Unknown role 'boss'", "users", "add", "--email", "a@example.org", "--org", "x", "--role", "boss")]
    [InlineData("Option '--email' is required", "users", "add", "--org", "x", "--role", "reader")]
    [InlineData("Option '--email' is required", "users", "add", "--email", " ", "--org", "x", "--role", "reader")]
    [InlineData("No organization has the key '@team'", "users", "add", "--email", "a@example.org", "--org", "@team", "--role", "reader")]
    [InlineData("Required argument missing for option: '--org'", "users", "add", "--email", "a@example.org", "--org")]
    public async Task Bad_command_lines_exit_non_zero_with_a_clear_message(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.NotEqual(0, code);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("Required argument missing for command: 'import'", "import")]
    [InlineData("Cannot parse argument 'soon' for option '--days'", "tokens", "issue", "--email", "a@example.org", "--days", "soon")]
    [InlineData("Unrecognized command or argument '--verbose'", "migrate", "--verbose")]
    [InlineData("Required command was not provided", "users")]
    public async Task A_command_line_that_cannot_be_read_exits_2_saying_why(string message, params string[] args)
    {
        var (code, _, error) = await RunAsync(args);
        Assert.Equal(2, code);
        Assert.Contains(message, error);
    }

    [Theory]
    [InlineData("--app-role", "migrate")]
    [InlineData("--force", "seed-demo")]
    [InlineData("--languages", "organizations", "add")]
    [InlineData("--password", "users", "add")]
    [InlineData("--days", "tokens", "issue")]
    [InlineData("--dry-run", "import")]
    [InlineData("--as", "export")]
    [InlineData("FILE", "glossary", "export")]
    [InlineData("--at", "digests", "send-due")]
    public async Task Every_verb_explains_its_options_with_help(string option, params string[] verb)
    {
        var (code, output, _) = await RunAsync([.. verb, "--help"]);
        Assert.Equal(0, code);
        Assert.Contains(option, output);
    }

    [Fact]
    public async Task Help_lists_every_verb()
    {
        var (code, output, _) = await RunAsync("help");
        Assert.Equal(0, code);
        foreach (var verb in new[] { "migrate", "seed-demo", "organizations", "users", "tokens", "import", "export", "glossary", "digests" })
        {
            Assert.Contains(verb, output);
        }

        Assert.Contains("send-due", (await RunAsync("help", "digests")).Output);
    }

    [Fact]
    public async Task Seed_demo_refuses_to_run_outside_development_without_force()
    {
        var (code, _, error) = await RunAsync("seed-demo");
        Assert.Equal(1, code);
        Assert.Contains("only in Development", error);
    }

    [Fact]
    public async Task Seed_demo_with_force_creates_the_demo_organizations_and_one_user_per_role_and_is_repeatable()
    {
        var (code, output, _) = await RunAsync("seed-demo", "--force");
        Assert.Equal(0, code);
        Assert.Contains("contributor@safe-brussels.example", output);
        Assert.Equal(0, (await RunAsync("seed-demo", "--force")).Code);

        await using var db = app.Database.CreateContext();
        var roles = await db.Users.Where(u => u.Organization!.Key == "safe-brussels").Select(u => u.Role).Distinct().ToListAsync();
        Assert.Equal(4, roles.Count);
        Assert.True(await db.Organizations.AnyAsync(o => o.Key == "stad-gent"));
        Assert.Equal(8, await db.Users.CountAsync(u => u.Email!.EndsWith(".example")));

        // New members start following their organization's usual themes (the trigger on users).
        var ghentReader = await db.Users.SingleAsync(u => u.Email == "reader@stad-gent.example");
        var followed = await db.Follows.Where(f => f.UserId == ghentReader.Id && f.ThemeId != null)
            .Join(db.Themes, f => f.ThemeId, t => t.Id, (f, t) => t.Key).OrderBy(k => k).ToListAsync();
        Assert.Equal(["drugs-addiction", "nuisance-insecurity", "street-harassment"], followed);
    }

    [Fact]
    public async Task Migrate_reports_an_up_to_date_database()
    {
        var (code, output, _) = await RunAsync("migrate");
        Assert.Equal(0, code);
        Assert.Contains("up to date", output);
    }

    [Fact]
    public async Task Import_refuses_a_broken_file_listing_each_problem_and_export_writes_one_organization()
    {
        var organization = await app.CreateOrganizationAsync();
        var directory = Directory.CreateTempSubdirectory("exchange-cli-");
        var broken = Path.Combine(directory.FullName, "broken.json");
        await File.WriteAllTextAsync(broken, $$"""
            { "format": "safebrussels-exchange/1",
              "practices": [ { "externalId": "cli-{{Guid.NewGuid():N}}", "organization": "{{organization.Key}}", "language": "fr",
                               "title": "Par la ligne de commande", "summary": "Un essai.", "themes": ["drugs"], "tlp": "BLUE" } ] }
            """);
        var refused = await RunAsync("import", broken);
        Assert.Equal(1, refused.Code);
        Assert.Contains("$.practices[0].tlp: 'BLUE' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED", refused.Output);

        var valid = Path.Combine(directory.FullName, "valid.json");
        var externalId = "cli-" + Guid.NewGuid().ToString("N");
        await File.WriteAllTextAsync(valid, (await File.ReadAllTextAsync(broken))
            .Replace("\"drugs\"", "\"drugs-addiction\"", StringComparison.Ordinal).Replace("BLUE", "GREEN", StringComparison.Ordinal)
            .Replace("cli-", externalId + "-", StringComparison.Ordinal));
        var imported = await RunAsync("import", valid);
        Assert.Equal(0, imported.Code);
        Assert.Contains("created    organizations 0, practices 1, meetings 0", imported.Output);
        Assert.Contains("unchanged  organizations 0, practices 0, meetings 0", imported.Output);
        Assert.Contains("unchanged  organizations 0, practices 1, meetings 0", (await RunAsync("import", valid)).Output);

        var exported = Path.Combine(directory.FullName, "export.json");
        Assert.Equal(0, (await RunAsync("export", exported, "--org", organization.Key)).Code);
        using var document = System.Text.Json.JsonDocument.Parse(await File.ReadAllTextAsync(exported));
        var practice = Assert.Single(document.RootElement.GetProperty("practices").EnumerateArray());
        Assert.StartsWith(externalId, practice.GetProperty("externalId").GetString());
        Assert.Equal(organization.Key, Assert.Single(document.RootElement.GetProperty("organizations").EnumerateArray()).GetProperty("key").GetString());

        Assert.Equal(1, (await RunAsync("export", exported, "--org", "no-such-org")).Code);
        Assert.Equal(1, (await RunAsync("import", Path.Combine(directory.FullName, "missing.json"))).Code);
        directory.Delete(recursive: true);
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await ExchangeCli.RunAsync(app.Factory.Services, args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
