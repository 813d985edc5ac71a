using System.Net;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Localization;

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
}
