using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>
/// Pages that find nothing answer HTTP 404 like the detail pages; a forged Host header appears in no link; a meeting
/// list bounded by a day includes the whole day.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class HostAndStatusTests(AppFixture app)
{
    [Theory]
    [InlineData("/meetings/{0}/edit")]
    [InlineData("/practices/{0}/edit")]
    [InlineData("/practices/{0}/adapt")]
    [InlineData("/organizations/no-such-organization-{0}")]
    public async Task A_page_that_finds_nothing_answers_404(string path)
    {
        var (user, _) = await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Contributor);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync(string.Format(System.Globalization.CultureInfo.InvariantCulture, path, Guid.NewGuid()));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotNull(document.QuerySelector("h1"));
    }

    [Fact]
    public async Task A_forged_host_header_appears_neither_in_the_api_document_nor_in_the_sign_in_redirect()
    {
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.Host = "evil.example";
        using var redirect = await session.Client.GetAsync("/meetings");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
        Assert.StartsWith("https://localhost/Account/Login", redirect.Headers.Location!.ToString(), StringComparison.Ordinal);

        var (user, _) = await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Reader);
        using var client = await app.BearerClientAsync(user);
        client.DefaultRequestHeaders.Host = "evil.example";
        var document = await client.GetStringAsync("/openapi/v1.json");
        Assert.DoesNotContain("evil.example", document, StringComparison.Ordinal);
        Assert.Contains("\"url\": \"https://localhost\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_day_bound_of_the_meeting_list_includes_the_whole_day_as_the_dashboard_counts_it()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid("Last day of the quarter", Tlp.Amber);
        input.StartsAt = new DateTimeOffset(2026, 6, 30, 10, 0, 0, TimeSpan.FromHours(2));
        input.EndsAt = input.StartsAt.AddHours(1);
        Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, input))).Result.Succeeded);

        using var client = await app.BearerClientAsync(user);
        using var list = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync($"/api/v1/meetings?org={organization.Key}&from=2026-04-01&to=2026-06-30"));
        Assert.Equal(1, list.RootElement.GetProperty("total").GetInt32());
        using var after = System.Text.Json.JsonDocument.Parse(
            await client.GetStringAsync($"/api/v1/meetings?org={organization.Key}&from=2026-07-01&to=2026-09-30"));
        Assert.Equal(0, after.RootElement.GetProperty("total").GetInt32());
    }
}
