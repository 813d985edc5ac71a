using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Localization;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

/// <summary>The language switcher decides the screens of this browser; the profile keeps the language of mails.</summary>
[Collection(AppCollection.Name)]
public sealed class LanguageChoiceTests(AppFixture app)
{
    [Fact]
    public async Task The_switcher_changes_the_screens_and_leaves_the_profile_language_and_so_the_mails_alone()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader, language: "fr");
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var (_, before) = await session.GetAsync("/profile");
        Assert.Equal("fr", before.DocumentElement.GetAttribute("lang"));

        var switched = await session.Client.GetAsync(CultureEndpoints.Link("nl", "/profile"));
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);

        var (_, after) = await session.GetAsync("/profile");
        Assert.Equal("nl", after.DocumentElement.GetAttribute("lang"));
        await using var db = app.Database.CreateContext();
        var saved = await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
        Assert.Equal("fr", saved.PreferredLanguage);
        Assert.Null(saved.EmailLanguage);
    }

    [Fact]
    public async Task Without_a_choice_in_this_browser_the_screens_follow_the_profile_language()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader, language: "nl");
        using var session = app.NewSession();
        session.Client.DefaultRequestHeaders.AcceptLanguage.ParseAdd("fr");
        await session.SignInAsync(user.Email!, AppFixture.Password);

        var (_, document) = await session.GetAsync("/profile");
        Assert.Equal("nl", document.DocumentElement.GetAttribute("lang"));
    }

    [Theory]
    [InlineData("fr", "sur", "Page suivante")]
    [InlineData("nl", "van", "Volgende pagina")]
    public async Task MudBlazor_texts_such_as_the_meeting_list_pager_are_in_the_reader_language(string language, string of, string next)
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor, language: language);
        await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid("Pager", Tlp.Green)));
        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);

        var (response, document) = await session.GetAsync("/meetings");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var pager = document.QuerySelector(".mud-table-pagination")!;
        Assert.Matches($@"\d+-\d+ {of} \d+", pager.QuerySelector(".mud-table-pagination-caption:last-of-type")?.TextContent ?? pager.TextContent);
        Assert.DoesNotMatch(@"\d+-\d+ of \d+", pager.TextContent);
        Assert.Contains(next, pager.QuerySelectorAll("button[aria-label]").Select(b => b.GetAttribute("aria-label")));
    }
}
