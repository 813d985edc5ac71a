using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

/// <summary>OWASP filter-evasion vectors typed into every text field of a meeting reach the rendered page inert.</summary>
[Collection(WebAppCollection.Name)]
public sealed class XssRenderingTests(AppFixture app)
{
    private static readonly string[] Vectors =
    [
        "<script>alert('title')</script>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<svg/onload=alert('XSS')>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "\"><iframe src=javascript:alert(1)>",
        "[click](javascript:alert('XSS'))",
        "<BODY onload!#$%&()*~+-_.,:;?@[/|\\]^`=alert(\"XSS\")>",
        "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
    ];

    public static TheoryData<int> VectorIndexes()
    {
        var data = new TheoryData<int>();
        for (var i = 0; i < Vectors.Length; i++)
        {
            data.Add(i);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(VectorIndexes))]
    public async Task Vectors_in_title_agenda_minutes_decisions_and_attendee_names_render_inert(int index)
    {
        var vector = Vectors[index];
        var organization = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid($"T {vector}", Tlp.Green);
        input.Agenda = [new AgendaItemInput { Title = $"A {vector}", Notes = $"N {vector}" }];
        input.Minutes = $"M {vector}\n\n{vector}";
        input.Decisions = [$"D {vector}"];
        input.AttendeeNames = [$"P {vector}"];
        input.Location = $"L {vector}";
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, input));
        Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));

        using var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync($"/meetings/{created.Id}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var main = document.QuerySelector("main")!;
        // The text people typed is on the page, as text.
        Assert.Contains($"T {vector}", main.TextContent);
        Assert.Contains($"P {vector}", main.TextContent);
        HtmlAssert.Inert(main);
    }
}
