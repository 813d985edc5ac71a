using System.Net;
using System.Xml;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Feeds;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Security;

/// <summary>
/// Control characters: removed on the way in (what the pages save, what an import reads), so a save never fails on
/// them and loses the typed text; and dropped or escaped on the way out (Atom, DOCX, iCalendar) for text stored before.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class ControlCharacterTests(AppFixture app)
{
    [Fact]
    public async Task What_the_pages_save_loses_its_control_characters_and_the_save_succeeds()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var input = MeetingBuilder.Valid("Réunion\u0000 de\u000B quartier", Tlp.Green);
        input.Minutes = "Première ligne\u0000\n\tSeconde\u0007 ligne\r\nFin\u007F\u0085";
        input.Location = "Salle\u0000 1";
        input.Decisions = ["Décision\u0001 prise"];
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, input));
        Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));
        var id = created.Id!.Value;

        var saved = await app.WithServiceAsync(s => s.GetRequiredService<MeetingReader>().GetAsync(author, id));
        Assert.Equal("Réunion de quartier", saved!.Title);
        Assert.Equal("Première ligne\n\tSeconde ligne\r\nFin", saved.Minutes);
        Assert.Equal("Salle 1", saved.Location);
        Assert.Equal(["Décision prise"], saved.Decisions);
        var history = await app.WithServiceAsync(s => s.GetRequiredService<MeetingHistoryReader>().HistoryAsync(author, id));
        Assert.Equal("Première ligne\n\tSeconde ligne\r\nFin", history!.Revisions.Single().Content.Minutes);

        var comment = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(author, RecordRef.Meeting(id), "Une\u0000 question\u001B ?"));
        Assert.True(comment.Result.Succeeded);
        var comments = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().ListAsync(author, RecordRef.Meeting(id)));
        Assert.Equal("Une question ?", comments!.Single().Body);
    }

    [Fact]
    public async Task Text_stored_with_control_characters_before_the_rule_still_gives_a_valid_feed_document_and_calendar()
    {
        var organization = await app.CreateOrganizationAsync();
        var (readerUser, reader) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var title = $"Marche exploratoire {Guid.NewGuid():N}"[..28];
        var practice = await app.CreateAsync(reader, PracticeBuilder.Input(title, Tlp.Green, "fr", "street-harassment"));
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(reader, MeetingBuilder.Valid("Réunion", Tlp.Green)));

        // As an older version of the platform could store them (the application itself no longer can).
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(
                """
                UPDATE practices SET title = title || E'\u000B' WHERE id = @practice;
                UPDATE meetings SET title = E'R\u00e9union\u000B', minutes = E'Ligne\u000B un', location = E'Salle\rB' WHERE id = @meeting;
                """, connection);
            command.Parameters.AddWithValue("practice", practice);
            command.Parameters.AddWithValue("meeting", meeting.Id!.Value);
            Assert.Equal(2, await command.ExecuteNonQueryAsync());
        }

        var token = await app.WithServiceAsync(s => s.GetRequiredService<FeedTokenService>().GetOrCreateAsync(reader));
        using var client = app.Factory.CreateClient();
        using var feed = await client.GetAsync($"/feeds/{token}/themes/street-harassment.atom");
        Assert.Equal(HttpStatusCode.OK, feed.StatusCode);
        var xml = await feed.Content.ReadAsStringAsync();
        using (var xmlReader = XmlReader.Create(new StringReader(xml)))
        {
            while (xmlReader.Read())
            {
            }
        }

        Assert.Contains(title, xml, StringComparison.Ordinal);

        using var session = app.NewSession();
        await session.SignInAsync(readerUser.Email!, AppFixture.Password);
        using var docx = await session.Client.GetAsync($"/meetings/{meeting.Id}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, docx.StatusCode);
        using var ics = await session.Client.GetAsync($"/meetings/{meeting.Id}/calendar.ics");
        Assert.Equal(HttpStatusCode.OK, ics.StatusCode);
        var calendar = await ics.Content.ReadAsStringAsync();
        Assert.Contains("LOCATION:Salle\\nB", calendar, StringComparison.Ordinal);
        Assert.DoesNotContain('\u000B', calendar);
        for (var i = calendar.IndexOf('\r', StringComparison.Ordinal); i >= 0; i = calendar.IndexOf('\r', i + 1))
        {
            Assert.True(i + 1 < calendar.Length && calendar[i + 1] == '\n', "every CR of an iCalendar file ends a line (CRLF)");
        }
    }
}
