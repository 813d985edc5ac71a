using System.Net;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>
/// Parameters that once answered 500 (and their kin: overflowing numbers, NUL, dates at both ends of the calendar):
/// the API answers 400 with a problem document naming the parameter, a page answers with its content and a message,
/// never an error.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class BadParameterTests(AppFixture app)
{
    public static TheoryData<string, string> ApiInputs => new()
    {
        { "/api/v1/meetings?page=21474838&pageSize=100", "page" },
        { "/api/v1/meetings?page=99999999999", "page" },
        { "/api/v1/meetings?pageSize=-1", "pageSize" },
        { "/api/v1/practices?page=999999999", "page" },
        { "/api/v1/practices?page=2147483648", "page" },
        { "/api/v1/search?q=plan&page=99999", "page" },
        { "/api/v1/meetings?theme=%00", "theme" },
        { "/api/v1/meetings?org=%00", "org" },
        { "/api/v1/practices?theme=%00", "theme" },
        { "/api/v1/practices?org=%00", "org" },
        { "/api/v1/search?q=plan&theme=%00", "theme" },
        { "/api/v1/search?q=plan&org=%00", "org" },
        { "/api/v1/search?q=pl%00an", "q" },
        { "/api/v1/export?org=%00", "org" },
        { "/api/v1/practices?from=0001-01-01", "from" },
        { "/api/v1/practices?to=9999-12-31", "to" },
        { "/api/v1/meetings?from=0001-01-01", "from" },
        { "/api/v1/meetings?to=9999-12-31", "to" },
        { "/api/v1/meetings?from=0001-01-01T00:00:00Z", "from" },
        { "/api/v1/meetings?to=9999-12-31T23:59:59Z", "to" },
    };

    public static TheoryData<string, bool> PageInputs => new()
    {
        { "/practices?theme=%00", false },
        { "/practices?org=%00&lang=%00", false },
        { "/practices?page=999999999", true },
        { "/practices?page=99999999999", true },
        { "/practices?page=-3", true },
        { "/practices?from=0001-01-01&to=9999-12-31", true },
        { "/calendar?date=9999-12-31", true },
        { "/calendar?date=0001-01-01", true },
        { "/calendar?view=week&date=9999-12-31", true },
        { "/meetings?from=0001-01-01&to=9999-12-31", false },
        { "/meetings?theme=%00", false },
        { "/search?q=plan&page=99999999999", false },
        { "/search?q=pl%00an", false },
        { "/?quarters=99999999999", false },
    };

    [Theory]
    [MemberData(nameof(ApiInputs))]
    public async Task The_api_answers_400_with_a_problem_document_naming_the_parameter(string url, string parameter)
    {
        using var client = await app.BearerClientAsync((await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Reader)).User);
        using var response = await client.GetAsync(url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{url} answered {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = System.Text.Json.JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(parameter, out _), body);
    }

    [Theory]
    [MemberData(nameof(PageInputs))]
    public async Task A_page_answers_with_its_content_and_says_what_it_ignored(string url, bool saysIgnored)
    {
        var (user, _) = await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Reader);
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync(url);
        if (url.Contains("%00", StringComparison.Ordinal))
        {
            // Sent to the same address without the control character, which the interactive page then reads too.
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            var cleaned = response.Headers.Location!.OriginalString;
            Assert.DoesNotContain("%00", cleaned, StringComparison.Ordinal);
            Assert.StartsWith(url[..url.IndexOf('?', StringComparison.Ordinal)], cleaned, StringComparison.Ordinal);
            (response, document) = await session.GetAsync(cleaned);
        }

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode}");
        Assert.NotNull(document.QuerySelector("main h1"));
        Assert.Equal(saysIgnored, document.QuerySelector("[data-testid=address-ignored]") is not null);
    }

    [Fact]
    public async Task The_api_answers_a_missing_record_and_a_bad_path_with_a_problem_document()
    {
        using var client = await app.BearerClientAsync((await app.CreateUserAsync(await app.CreateOrganizationAsync(), ExchangeRole.Reader)).User);
        foreach (var url in new[] { $"/api/v1/meetings/{Guid.NewGuid()}", "/api/v1/meetings/not-a-guid", "/api/v1/nothing-here" })
        {
            using var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }
    }

    [Theory]
    [InlineData("%2F%09%2Fx")]
    [InlineData("%2F%00")]
    [InlineData("%2F%2Fevil.example")]
    [InlineData("%2F%5Cevil.example")]
    [InlineData("https%3A%2F%2Fevil.example")]
    public async Task The_language_switch_returns_only_to_a_path_of_the_site(string returnUrl)
    {
        using var session = app.NewSession();
        var response = await session.Client.GetAsync($"/culture/set?lang=en&returnUrl={returnUrl}");
        if (response.Headers.Location?.OriginalString.StartsWith("/culture/set?", StringComparison.Ordinal) == true)
        {
            // A control character in the query string: first sent to the same address without it.
            Assert.DoesNotContain("%00", response.Headers.Location.OriginalString, StringComparison.Ordinal);
            response = await session.Client.GetAsync(response.Headers.Location.OriginalString);
        }

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/", response.Headers.Location!.OriginalString);
        response.Dispose();
    }
}
