using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Attachments;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Attachments;

[Collection(ContentAppCollection.Name)]
public sealed class AttachmentTests(AppFixture app)
{
    internal static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");

    [Fact]
    public async Task A_pdf_is_stored_and_downloaded_as_an_attachment_with_its_real_type_and_nosniff()
    {
        var (meetingId, author, user) = await MeetingAsync(Tlp.Green);
        var result = await Add(author, meetingId, "compte-rendu.pdf", Pdf);
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));

        using var session = app.NewSession();
        await session.SignInAsync(user.Email!, AppFixture.Password);
        var attachmentId = (await Service(s => s.ListAsync(author, SafeBrussels.Exchange.Web.Features.Sharing.RecordRef.Meeting(meetingId)))).Single().Id;
        var response = await session.Client.GetAsync($"/attachments/{attachmentId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("compte-rendu.pdf", response.Content.Headers.ContentDisposition.FileNameStar ?? response.Content.Headers.ContentDisposition.FileName);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
    }

    [Fact]
    public async Task A_disguised_executable_an_empty_file_and_an_oversized_file_are_refused_with_the_reason()
    {
        var (meetingId, author, _) = await MeetingAsync(Tlp.Amber);
        var executable = new byte[4096];
        "MZ"u8.CopyTo(executable);
        var max = app.Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<AttachmentOptions>>().Value.MaxBytes;
        var oversized = new byte[max + 1];
        "%PDF-"u8.CopyTo(oversized);

        Assert.Equal("Attachments.TypeRefused", (await Add(author, meetingId, "rapport.pdf", executable)).ErrorFor("File"));
        Assert.Equal("Attachments.TypeRefused", (await Add(author, meetingId, "notes.txt", executable)).ErrorFor("File"));
        Assert.Equal("Attachments.Empty", (await Add(author, meetingId, "vide.pdf", [])).ErrorFor("File"));
        Assert.Equal("Attachments.TooLarge", (await Add(author, meetingId, "gros.pdf", oversized)).ErrorFor("File"));

        await using var db = app.Database.CreateContext();
        Assert.False(await db.Attachments.AnyAsync(a => a.MeetingId == meetingId));
    }

    [Fact]
    public async Task A_file_is_stored_under_a_name_whose_extension_matches_its_detected_type()
    {
        // An HTML page that starts with %PDF- is a PDF to the signature check: it must not keep the name page.html.
        var (meetingId, author, _) = await MeetingAsync(Tlp.Green);
        var html = Encoding.ASCII.GetBytes("%PDF-<html><body><script>alert(1)</script></body></html>");
        Assert.True((await Add(author, meetingId, "page.html", html)).Succeeded);
        Assert.True((await Add(author, meetingId, "photo.JPEG", [0xFF, 0xD8, 0xFF, 0xE0, 0x00])).Succeeded);
        var names = (await Service(s => s.ListAsync(author, SafeBrussels.Exchange.Web.Features.Sharing.RecordRef.Meeting(meetingId)))).Select(a => (a.FileName, a.ContentType)).Order().ToList();
        Assert.Equal([("page.pdf", "application/pdf"), ("photo.JPEG", "image/jpeg")], names);
    }

    [Fact]
    public async Task Readers_cannot_attach_files()
    {
        var (meetingId, _, reader) = await MeetingAsync(Tlp.Green);
        var viewer = new Viewer(reader.Id, reader.OrganizationId, reader.Role, reader.DisplayName);
        Assert.Equal("Error.NotFound", (await Add(viewer, meetingId, "a.pdf", Pdf)).ErrorFor(""));
    }

    private async Task<(Guid MeetingId, Viewer Author, ApplicationUser Reader)> MeetingAsync(Tlp tlp)
    {
        var organization = await app.CreateOrganizationAsync();
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (reader, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid("With files", tlp)));
        return (created.Id!.Value, author, reader);
    }

    private Task<SafeBrussels.Exchange.Web.Infrastructure.CommandResult> Add(Viewer viewer, Guid meetingId, string name, byte[] content) =>
        Service(s => s.AddAsync(viewer, SafeBrussels.Exchange.Web.Features.Sharing.RecordRef.Meeting(meetingId), name, new MemoryStream(content)));

    private Task<T> Service<T>(Func<AttachmentService, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<AttachmentService>()));
}
