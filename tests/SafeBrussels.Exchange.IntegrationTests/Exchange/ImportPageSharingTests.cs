using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor.Services;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Exchange;
using static SafeBrussels.Exchange.TestSupport.ImportMatrix;

namespace SafeBrussels.Exchange.IntegrationTests.Exchange;

/// <summary>
/// The import page (<c>/admin/import</c>) rendered with bunit over a real database, signed in as a platform administrator
/// of <c>city-b</c>: every cell of the import matrix, file chosen (the dry run) then imported, shows the problems the
/// importer and the API give, and the page's check agrees with the import.
/// </summary>
public sealed class ImportPageSharingTests(ImportPageSharingTests.Seeded records) : IClassFixture<ImportPageSharingTests.Seeded>
{
    public static TheoryData<Relation, Change> Matrix => Cells();

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task The_page_refuses_on_each_record_what_an_import_through_the_platform_may_not_write(Relation relation, Change change)
    {
        await using var context = new BunitContext();
        context.Services.AddLogging(b => b.AddProvider(NullLoggerProvider.Instance));
        context.Services.AddLocalization();
        context.Services.AddMudServices();
        context.Services.AddScoped<Web.Components.Shared.PageReadiness>();
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddSingleton(new ExchangeImporter(records.Database.ContextFactory, TimeProvider.System, NullLogger<ExchangeImporter>.Instance));
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized("Platform administrator of city-b");
        authorization.SetRoles(RoleNames.PlatformAdmin);
        authorization.SetClaims(
            new Claim(ClaimTypes.NameIdentifier, records.Administrator.ToString()),
            new Claim(ExchangeClaims.OrganizationId, records.CityB.ToString()));
        System.Globalization.CultureInfo.CurrentUICulture = System.Globalization.CultureInfo.GetCultureInfo("en");

        foreach (var collection in new[] { "practices", "meetings" })
        {
            var (json, _, organization) = File(collection, relation, change);
            var expected = Expected(relation, change, organization, editable: false, collection);
            var page = context.Render<Microsoft.AspNetCore.Components.Authorization.CascadingAuthenticationState>(p => p.AddChildContent<ImportPage>());
            page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromText(json, "file.json"));
            await page.WaitForAssertionAsync(() => Assert.NotEmpty(page.FindAll("[data-testid=import-report]")), TimeSpan.FromSeconds(20));

            var cell = $"{relation} × {change} ({collection})";
            var paths = page.FindAll("[data-testid=import-problems] li code").Select(c => c.TextContent).ToList();
            Assert.True(expected.Select(e => e.Path).SequenceEqual(paths), $"{cell}: the check lists [{string.Join(", ", paths)}]");
            if (expected.Count == 0)
            {
                // The check passed: importing writes, and says so.
                page.Find("[data-testid=run-import]").Click();
                await page.WaitForAssertionAsync(() => Assert.Contains("Imported", page.Find("[data-testid=import-outcome]").TextContent, StringComparison.Ordinal), TimeSpan.FromSeconds(20));
            }
            else
            {
                Assert.Contains(
                    expected[0].Code == ExchangeProblemCodes.NotYourOrganization ? "is not your organization" : "a record you may not change",
                    page.Find("[data-testid=import-problems]").TextContent, StringComparison.Ordinal);
                Assert.Empty(page.FindAll("[data-testid=run-import]"));
            }
        }
    }

    /// <summary>A database of its own with the matrix's records, imported by the operator.</summary>
    public sealed class Seeded : IAsyncLifetime
    {
        public TestDatabase Database { get; private set; } = default!;

        public Guid CityB { get; private set; }

        /// <summary>A platform administrator of city-b on record: an import decides on the importer's role as the database holds it.</summary>
        public Guid Administrator { get; private set; }

        public async Task InitializeAsync()
        {
            Database = await TestDatabase.CreateAsync("ixp");
            var report = await ExchangeDatabaseFixture.ImportAsync(Database, Document);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            await using var db = Database.CreateContext();
            CityB = db.Organizations.Single(o => o.Key == "city-b").Id;
            var email = "platform.admin@city-b.example";
            var admin = new Web.Data.ApplicationUser
            {
                Email = email, NormalizedEmail = email.ToUpperInvariant(), UserName = email, NormalizedUserName = email.ToUpperInvariant(),
                OrganizationId = CityB, Role = Web.Data.ExchangeRole.PlatformAdmin, DisplayName = "Platform administrator of city-b",
            };
            db.Users.Add(admin);
            await db.SaveChangesAsync();
            Administrator = admin.Id;
        }

        public async Task DisposeAsync() => await Database.DisposeAsync();
    }
}
