using System.Net;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>Discussion: seen and written by whoever sees the parent, rendered inert, edited only by its author, announced to the practice's people.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class CommentTests(AppFixture app)
{
    private static readonly string[] Vectors =
    [
        "<script>alert('comment')</script>",
        "<IMG SRC=# onmouseover=\"alert('xxs')\">",
        "<svg/onload=alert('XSS')>",
        "[click](javascript:alert('XSS'))",
        "\"><iframe src=javascript:alert(1)>",
        "<a href=\"jav&#x09;ascript:alert('XSS');\">x</a>",
    ];

    [Fact]
    public async Task Xss_vectors_in_comments_render_inert_on_the_practice_page()
    {
        var organization = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var practice = await app.CreateAsync(viewer, PracticeBuilder.Input("Pratique " + Guid.NewGuid()));
        var comments = await Service();
        foreach (var vector in Vectors)
        {
            Assert.True((await comments.AddAsync(viewer, RecordRef.Practice(practice), $"C {vector}")).Result.Succeeded);
        }

        using var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        var (response, document) = await session.GetAsync($"/practices/{practice}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var discussion = document.QuerySelector("[data-testid=discussion]")!;
        Assert.Equal(Vectors.Length, discussion.QuerySelectorAll("[data-testid=comment]").Length);
        AssertInert(discussion);
    }

    [Fact]
    public async Task Xss_vectors_in_comments_render_inert_on_the_meeting_page()
    {
        var organization = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, MeetingBuilder.Valid("Réunion", Tlp.Green)));
        var comments = await Service();
        foreach (var vector in Vectors)
        {
            Assert.True((await comments.AddAsync(viewer, RecordRef.Meeting(meeting.Id!.Value), $"C {vector}")).Result.Succeeded);
        }

        using var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        var (_, document) = await session.GetAsync($"/meetings/{meeting.Id}");
        var discussion = document.QuerySelector("[data-testid=discussion]")!;
        Assert.Equal(Vectors.Length, discussion.QuerySelectorAll("[data-testid=comment]").Length);
        AssertInert(discussion);
    }

    [Fact]
    public async Task A_reader_of_another_organization_cannot_read_or_comment_on_what_they_cannot_see()
    {
        var host = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (_, outsider) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var amber = await app.CreateAsync(author, PracticeBuilder.Input("Interne " + Guid.NewGuid(), Tlp.Amber));
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid("Interne", Tlp.AmberStrict)));
        var comments = await Service();
        var first = await comments.AddAsync(author, RecordRef.Practice(amber), "Première remarque");

        Assert.Equal("Error.NotFound", (await comments.AddAsync(outsider, RecordRef.Practice(amber), "Je peux ?")).Result.ErrorFor(""));
        Assert.Equal("Error.NotFound", (await comments.AddAsync(outsider, RecordRef.Meeting(meeting.Id!.Value), "Je peux ?")).Result.ErrorFor(""));
        Assert.Null(await comments.ListAsync(outsider, RecordRef.Practice(amber)));
        Assert.Equal("Error.NotFound", (await comments.EditAsync(outsider, first.Id!.Value, "Modifié")).Result.ErrorFor(""));

        await using var db = app.Database.CreateContext();
        Assert.Equal(1, await db.Comments.CountAsync(c => c.PracticeId == amber));
        Assert.Equal(0, await db.Comments.CountAsync(c => c.MeetingId == meeting.Id));
    }

    [Fact]
    public async Task Authors_edit_and_delete_their_own_comments_and_no_one_else_can()
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (_, colleague) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var practice = await app.CreateAsync(author, PracticeBuilder.Input("Pratique " + Guid.NewGuid()));
        var comments = await Service();

        var mine = (await comments.AddAsync(colleague, RecordRef.Practice(practice), "Une question ?")).Id!.Value;
        Assert.Equal("Validation.Required", (await comments.AddAsync(colleague, RecordRef.Practice(practice), "  ")).Result.ErrorFor("Body"));
        Assert.Equal("Error.NotFound", (await comments.EditAsync(author, mine, "Pas à toi")).Result.ErrorFor(""));
        Assert.Equal("Error.NotFound", (await comments.DeleteAsync(author, mine)).Result.ErrorFor(""));
        Assert.True((await comments.EditAsync(colleague, mine, "Une question précise ?")).Result.Succeeded);

        var listed = (await comments.ListAsync(author, RecordRef.Practice(practice)))!;
        Assert.Equal("Une question précise ?", listed.Single().Body);
        Assert.NotNull(listed.Single().EditedAt);
        Assert.False(listed.Single().IsMine);

        Assert.True((await comments.DeleteAsync(colleague, mine)).Result.Succeeded);
        Assert.Empty((await comments.ListAsync(author, RecordRef.Practice(practice)))!);
    }

    [Fact]
    public async Task The_author_and_the_contact_are_told_of_a_new_question_and_no_one_who_cannot_see_it()
    {
        var host = await app.CreateOrganizationAsync();
        var other = await app.CreateOrganizationAsync("nl");
        var (authorUser, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor, "fr");
        var (contactUser, _) = await app.CreateUserAsync(host, ExchangeRole.Reader, "nl");
        var (_, asker) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        var title = "Pratique " + Guid.NewGuid();
        var input = PracticeBuilder.Input(title);
        input.ContactName = "La personne de contact";
        input.ContactEmail = contactUser.Email!;
        var practice = await app.CreateAsync(author, input);

        Assert.True((await (await Service()).AddAsync(asker, RecordRef.Practice(practice), "Comment avez-vous impliqué la police ?")).Result.Succeeded);

        var toAuthor = await app.Smtp.WaitForMessageToAsync(authorUser.Email!);
        Assert.Contains(title, toAuthor.Subject);
        Assert.Contains($"/practices/{practice}", toAuthor.TextBody);
        Assert.StartsWith("Nouveau commentaire sur votre pratique", toAuthor.Subject);
        var toContact = await app.Smtp.WaitForMessageToAsync(contactUser.Email!);
        Assert.StartsWith("Nieuwe reactie op uw praktijk", toContact.Subject);
        Assert.DoesNotContain("impliqué la police", toContact.TextBody);

        // An AMBER practice: the contact, in another organization, may not see it and is not told.
        var (outsideContact, _) = await app.CreateUserAsync(other, ExchangeRole.Contributor);
        var amberInput = PracticeBuilder.Input("Interne " + Guid.NewGuid(), Tlp.Amber);
        amberInput.ContactEmail = outsideContact.Email!;
        var amber = await app.CreateAsync(author, amberInput);
        var (_, colleague) = await app.CreateUserAsync(host, ExchangeRole.Reader);
        Assert.True((await (await Service()).AddAsync(colleague, RecordRef.Practice(amber), "Question interne")).Result.Succeeded);
        var amberMail = await app.Smtp.WaitForMessageToAsync(authorUser.Email!, matching: m => m.Subject?.Contains(amberInput.Title, StringComparison.Ordinal) == true);
        Assert.StartsWith("[TLP:AMBER]", amberMail.Subject);
        Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == outsideContact.Email));
    }

    [Fact]
    public async Task Members_mentioned_on_a_meeting_are_told_by_mail_at_once_only_if_they_may_see_it()
    {
        var host = await app.CreateOrganizationAsync();
        var participant = await app.CreateOrganizationAsync("nl");
        var outsider = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (ghent, _) = await app.CreateUserAsync(participant, ExchangeRole.Reader, "nl");
        var (third, _) = await app.CreateUserAsync(outsider, ExchangeRole.Reader);
        var (colleague, _) = await app.CreateUserAsync(host, ExchangeRole.Reader);
        var (namesake, _) = await app.CreateUserAsync(host, ExchangeRole.Reader);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var ghentName = await RenameAsync(ghent, $"Bram Claes {tag}");
        var thirdName = await RenameAsync(third, $"Anne Lejeune {tag}");
        await RenameAsync(colleague, $"Julie Peeters {tag}");
        // "@Bram Claes {tag}" must not also reach "Bram Claes {tag}sens".
        await RenameAsync(namesake, $"Bram Claes {tag}sens");
        var title = "Réunion " + tag;
        var meeting = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid(title, Tlp.Amber, participant.Id)));

        var outcome = await (await Service()).AddAsync(author, RecordRef.Meeting(meeting.Id!.Value),
            $"@{ghentName}, pouvez-vous relire le point 2 ? Et @{thirdName} aussi. @{author.DisplayName}");

        Assert.True(outcome.Result.Succeeded);
        Assert.Equal([ghentName], outcome.Told);
        // Told at once, in their language, under the label, with a link to the discussion and not the comment itself.
        var mail = await app.Smtp.WaitForMessageToAsync(ghent.Email!, matching: m => m.Subject?.Contains(title, StringComparison.Ordinal) == true);
        Assert.Equal($"[TLP:AMBER] {author.DisplayName} heeft u vermeld bij ‘{title}’", mail.Subject);
        Assert.Contains($"/meetings/{meeting.Id}#discussion", mail.TextBody);
        Assert.DoesNotContain("relire le point 2", mail.TextBody);
        // A member of a third city, who may not see the meeting, is not told it exists; nor is anyone not mentioned.
        await Task.Delay(500);
        foreach (var untold in new[] { third, colleague, namesake, await UserAsync(author.UserId) })
        {
            Assert.DoesNotContain(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == untold.Email));
        }
    }

    [Fact]
    public async Task A_mention_on_a_practice_reaches_a_member_besides_its_author_and_each_person_once()
    {
        var host = await app.CreateOrganizationAsync();
        var (authorUser, author) = await app.CreateUserAsync(host, ExchangeRole.Contributor, "fr");
        var (asker, askerViewer) = await app.CreateUserAsync(host, ExchangeRole.Reader);
        var (expert, _) = await app.CreateUserAsync(host, ExchangeRole.Reader, "en");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var expertName = await RenameAsync(expert, $"Eva Janssens {tag}");
        var authorName = await RenameAsync(authorUser, $"Marc Dubois {tag}");
        var title = "Pratique " + tag;
        var practice = await app.CreateAsync(author, PracticeBuilder.Input(title));

        var outcome = await (await Service()).AddAsync(askerViewer, RecordRef.Practice(practice), $"@{expertName} et @{authorName}, une idée ?");

        Assert.Equal([authorName, expertName], outcome.Told);
        var toExpert = await app.Smtp.WaitForMessageToAsync(expert.Email!, matching: m => m.Subject?.Contains(title, StringComparison.Ordinal) == true);
        Assert.Equal($"{asker.DisplayName} mentioned you on “{title}”", toExpert.Subject);
        await app.Smtp.WaitForMessageToAsync(authorUser.Email!, matching: m => m.Subject?.Contains(title, StringComparison.Ordinal) == true);
        await Task.Delay(500);
        Assert.Single(app.Smtp.Messages, m => m.To.Mailboxes.Any(b => b.Address == authorUser.Email) && m.Subject!.Contains(title, StringComparison.Ordinal));
    }

    private async Task<string> RenameAsync(Web.Data.ApplicationUser user, string name)
    {
        await using var db = app.Database.CreateContext();
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, name));
        return name;
    }

    private async Task<Web.Data.ApplicationUser> UserAsync(Guid id)
    {
        await using var db = app.Database.CreateContext();
        return await db.Users.SingleAsync(u => u.Id == id);
    }

    private Task<CommentService> Service() => app.WithServiceAsync(s => Task.FromResult(s.GetRequiredService<CommentService>()));

    private static void AssertInert(IElement container)
    {
        Assert.Contains("C <script>alert('comment')</script>", container.TextContent);
        HtmlAssert.Inert(container);
    }
}
