using System.Net;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.IntegrationTests.Accounts;

[Collection(AppCollection.Name)]
public sealed class SignOutEverywhereTests(AppFixture app)
{
    [Fact]
    public async Task Signing_out_everywhere_ends_the_members_other_sessions_and_no_one_elses()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (colleague, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        using var laptop = app.NewSession();
        using var phone = app.NewSession();
        using var other = app.NewSession();
        await laptop.SignInAsync(user.Email!, AppFixture.Password);
        await phone.SignInAsync(user.Email!, AppFixture.Password);
        await other.SignInAsync(colleague.Email!, AppFixture.Password);
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/profile")).StatusCode);

        // The form on the profile page, with its antiforgery token.
        var (page, document) = await laptop.GetAsync("/profile");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var form = document.QuerySelector("form[action='Account/SignOutEverywhere']");
        Assert.NotNull(form);
        var fields = form.QuerySelectorAll("input[name]").ToDictionary(i => i.GetAttribute("name")!, i => i.GetAttribute("value") ?? "");
        Assert.Contains("__RequestVerificationToken", fields.Keys);
        // Without the form's token (a post from another site), nothing happens.
        var forged = await laptop.Client.PostAsync("/Account/SignOutEverywhere", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.True((int)forged.StatusCode >= 400, $"{forged.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await phone.Client.GetAsync("/profile")).StatusCode);
        var forgedLogout = await laptop.Client.PostAsync("/Account/Logout", new FormUrlEncodedContent(new Dictionary<string, string>()));
        Assert.True((int)forgedLogout.StatusCode >= 400, $"{forgedLogout.StatusCode}");
        Assert.Equal(HttpStatusCode.OK, (await laptop.Client.GetAsync("/profile")).StatusCode);

        var signedOut = await laptop.Client.PostAsync("/Account/SignOutEverywhere", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);

        // Both of the member's sessions now go to sign-in; the colleague's does not.
        foreach (var session in new[] { laptop, phone })
        {
            using var response = await session.Client.GetAsync("/profile");
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        }

        Assert.Equal(HttpStatusCode.OK, (await other.Client.GetAsync("/profile")).StatusCode);
    }
}
