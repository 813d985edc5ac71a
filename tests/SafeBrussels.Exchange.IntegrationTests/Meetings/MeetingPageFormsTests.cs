using System.Net;
using System.Text;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

/// <summary>
/// The meeting page holds no circuit: commenting, editing and deleting one's comment, following and adding a file are
/// plain forms posted to the page, as a browser without scripts would send them.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class MeetingPageFormsTests(AppFixture app)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task A_comment_is_posted_once_edited_and_deleted_through_the_page_forms()
    {
        var (session, meetingId, _) = await SignedInOnNewMeetingAsync();
        var page = $"/meetings/{meetingId}";

        // An empty comment: the field says what is wrong, nothing is written.
        var empty = await session.SubmitFormAsync(page, "comment-new", new Dictionary<string, string> { ["NewComment.Body"] = "  " });
        var refusedHtml = await empty.Content.ReadAsStringAsync();
        var refused = await Parser.ParseDocumentAsync(refusedHtml);
        Assert.Equal("true", refused.QuerySelector("#comment-body")!.GetAttribute("aria-invalid"));
        Assert.False(string.IsNullOrWhiteSpace(refused.QuerySelector("#comment-body-error")?.TextContent));
        Assert.Equal(0, await CommentsAsync(meetingId));

        // Posted, then the same form sent again (a second click, a resubmission): one comment.
        var (_, before) = await session.GetAsync(page);
        var (action, values) = WebSession.Fill(before, page, "comment-new", new Dictionary<string, string> { ["NewComment.Body"] = "Premier retour de Gand" });
        var first = await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
        var second = await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var posted = await Parser.ParseDocumentAsync(await first.Content.ReadAsStringAsync());
        Assert.Contains("Premier retour de Gand", posted.QuerySelector("[data-testid=comment]")!.TextContent);
        Assert.NotNull(posted.QuerySelector("[data-testid=comment-status]"));
        Assert.Equal("", ((IHtmlTextAreaElement)posted.QuerySelector("#comment-body")!).Value);
        Assert.Equal(1, await CommentsAsync(meetingId));
        var commentId = await CommentIdAsync(meetingId);

        // Edited from its own form (opened by the comment's link), then back on the page.
        var editPage = $"{page}?edit-comment={commentId}";
        var edited = await session.SubmitFormAsync(editPage, "comment-edit", new Dictionary<string, string> { ["Edit.Body"] = "Retour corrigé" });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        Assert.EndsWith($"/meetings/{meetingId}#comment-{commentId}", edited.Headers.Location!.ToString());
        var (_, afterEdit) = await session.GetAsync(page);
        Assert.Contains("Retour corrigé", afterEdit.QuerySelector("[data-testid=comment]")!.TextContent);

        // Deleted from the confirmation under the comment.
        var deleted = await session.SubmitFormAsync(page, $"comment-delete-{commentId}", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.OK, deleted.StatusCode);
        Assert.Equal(0, await CommentsAsync(meetingId));
    }

    [Fact]
    public async Task Following_posts_the_state_wanted_so_a_second_click_changes_nothing()
    {
        var (session, meetingId, viewer) = await SignedInOnNewMeetingAsync();
        var page = $"/meetings/{meetingId}";
        var (_, document) = await session.GetAsync(page);
        Assert.Equal("false", document.QuerySelector("[data-testid=follow-button]")!.GetAttribute("aria-pressed"));

        var (action, values) = WebSession.Fill(document, page, "follow", new Dictionary<string, string>());
        var response = await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
        await session.Client.PostAsync(action, new FormUrlEncodedContent(values));
        var followed = await Parser.ParseDocumentAsync(await response.Content.ReadAsStringAsync());
        Assert.Equal("true", followed.QuerySelector("[data-testid=follow-button]")!.GetAttribute("aria-pressed"));
        Assert.True(await app.WithServiceAsync(s => s.GetRequiredService<FollowService>().IsFollowingAsync(viewer, FollowKind.Meeting, meetingId)));

        var stopped = await session.SubmitFormAsync(page, "follow", new Dictionary<string, string>());
        var after = await Parser.ParseDocumentAsync(await stopped.Content.ReadAsStringAsync());
        Assert.Equal("false", after.QuerySelector("[data-testid=follow-button]")!.GetAttribute("aria-pressed"));
        Assert.False(await app.WithServiceAsync(s => s.GetRequiredService<FollowService>().IsFollowingAsync(viewer, FollowKind.Meeting, meetingId)));
    }

    [Fact]
    public async Task A_file_is_added_through_the_page_form_and_a_refused_one_says_why()
    {
        var (session, meetingId, _) = await SignedInOnNewMeetingAsync();
        var page = $"/meetings/{meetingId}";

        var added = await UploadAsync(session, page, "compte-rendu.txt", "Points d'action de la réunion"u8.ToArray());
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var document = await Parser.ParseDocumentAsync(await added.Content.ReadAsStringAsync());
        Assert.Contains("compte-rendu.txt", document.QuerySelector("[data-testid=attachments]")!.TextContent);

        var refused = await UploadAsync(session, page, "script.exe", [0x4D, 0x5A, 0x90, 0x00]);
        var refusal = await Parser.ParseDocumentAsync(await refused.Content.ReadAsStringAsync());
        Assert.False(string.IsNullOrWhiteSpace(refusal.QuerySelector("#attachment-error")?.TextContent));

        await using var db = app.Database.CreateContext();
        Assert.Equal(["compte-rendu.txt"], await db.Attachments.Where(a => a.MeetingId == meetingId).Select(a => a.FileName).ToListAsync());
    }

    private async Task<(WebSession Session, Guid MeetingId, Web.Features.Accounts.Viewer Viewer)> SignedInOnNewMeetingAsync()
    {
        var organization = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, MeetingBuilder.Valid("Réunion Bruxelles-Gand", Tlp.Green)));
        Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));
        var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        return (session, created.Id!.Value, viewer);
    }

    private static async Task<HttpResponseMessage> UploadAsync(WebSession session, string page, string fileName, byte[] content)
    {
        var (_, document) = await session.GetAsync(page);
        var (action, values) = WebSession.Fill(document, page, "attachment-upload", new Dictionary<string, string>());
        using var form = new MultipartFormDataContent();
        foreach (var (name, value) in values.Where(v => v.Key != "Upload"))
        {
            form.Add(new StringContent(value, Encoding.UTF8), name);
        }

        form.Add(new ByteArrayContent(content), "Upload", fileName);
        return await session.Client.PostAsync(action, form);
    }

    private async Task<int> CommentsAsync(Guid meetingId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Comments.CountAsync(c => c.MeetingId == meetingId);
    }

    private async Task<Guid> CommentIdAsync(Guid meetingId)
    {
        await using var db = app.Database.CreateContext();
        return await db.Comments.Where(c => c.MeetingId == meetingId).Select(c => c.Id).SingleAsync();
    }
}
