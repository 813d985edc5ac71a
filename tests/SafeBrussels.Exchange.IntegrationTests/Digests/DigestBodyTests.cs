using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.IntegrationTests.Digests;

/// <summary>The mail's HTML part and the preview page show one component's markup (<see cref="DigestBody"/>), links aside.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class DigestBodyTests(AppFixture app)
{
    [Theory]
    [InlineData("fr")]
    [InlineData("nl")]
    [InlineData("en")]
    public async Task The_mail_holds_the_previews_body_with_absolute_links(string language)
    {
        var practice = Guid.NewGuid();
        var meeting = Guid.NewGuid();
        var digest = new Digest(
            new DigestRecipient(Guid.NewGuid(), "reader@example.org", "Reader", language),
            new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 30, 7, 0, 0, TimeSpan.Zero),
            [new DigestGroup("street-harassment", "Harcèlement de rue", [
                new DigestItem(DigestItemKind.Practice, practice, false, "Marches <exploratoires>", Tlp.Amber, true, "safe.brussels", null, DateTimeOffset.UtcNow, [], "fr"),
                new DigestItem(DigestItemKind.Comment, meeting, true, "Réunion Gand", Tlp.Green, true, "Stad Gent", "Jan", DateTimeOffset.UtcNow, [])], 3)],
            [new DigestActionItem(meeting, "Réunion Gand", "Partager le guide", new DateOnly(2026, 12, 1), Tlp.Green, Overdue: true)]);

        var mail = await app.WithServiceAsync(s => s.GetRequiredService<DigestMessage>().BuildAsync(digest, DateTimeOffset.UtcNow));
        string body;
        using (CultureScope.Use(language))
        {
            body = await RenderAsync(digest);
        }

        Assert.Contains("&lt;exploratoires&gt;", body);
        Assert.Contains($"href=\"/practices/{practice}\"", body);
        Assert.Contains($"href=\"/meetings/{meeting}#discussion\"", body);
        Assert.Contains("TLP:AMBER", body);
        Assert.Contains(body.Replace("href=\"/", "href=\"https://localhost/", StringComparison.Ordinal), mail.HtmlBody);
    }

    private async Task<string> RenderAsync(Digest digest)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, scope.ServiceProvider.GetRequiredService<ILoggerFactory>());
        return await renderer.Dispatcher.InvokeAsync(async () =>
            (await renderer.RenderComponentAsync<DigestBody>(ParameterView.FromDictionary(new Dictionary<string, object?> { ["Digest"] = digest }))).ToHtmlString());
    }
}
