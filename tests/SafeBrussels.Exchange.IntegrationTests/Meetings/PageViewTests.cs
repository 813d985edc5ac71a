using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

/// <summary>
/// A full load of a meeting page reads the meeting once: the page, its follow button, discussion and attachments are
/// rendered on the server without a circuit (their forms post to the page). A view of a RED meeting is audited once.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class PageViewTests(AppFixture app)
{
    [Fact]
    public async Task One_view_of_a_red_meeting_page_writes_exactly_one_audit_read_and_holds_no_circuit_for_the_page()
    {
        var organization = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, MeetingBuilder.Valid("Cellule de crise RED", Tlp.Red)));
        Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));

        using var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync($"/meetings/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Cellule de crise RED", document.QuerySelector("h1")!.TextContent);

        // The page is served complete and ready (an interactive page's prerender says "not yet"), with nothing in it
        // that would start a circuit: no interactive component is marked for the browser to start.
        var markers = document.QuerySelectorAll("span[data-ready]").Select(m => m.GetAttribute("data-ready")).ToList();
        Assert.NotEmpty(markers);
        Assert.All(markers, marker => Assert.Equal("true", marker));
        Assert.DoesNotContain("Blazor:{", document.DocumentElement.OuterHtml, StringComparison.Ordinal);
        Assert.NotNull(document.QuerySelector("[data-testid=discussion] form"));
        Assert.NotNull(document.QuerySelector("[data-testid=follow-button]"));

        await using var db = app.Database.CreateContext();
        var reads = await db.AuditEntries.CountAsync(e => e.ActorId == author.Id && e.Action == AuditActions.ContentRead && e.TargetId == created.Id.ToString());
        Assert.Equal(1, reads);
    }
}
