using System.Net;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;
using DocumentFormat.OpenXml.Wordprocessing;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

[Collection(MeetingsAppCollection.Name)]
public sealed class MinutesExportTests(AppFixture app)
{
    [Fact]
    public async Task The_minutes_download_as_a_valid_docx_with_every_section_and_the_tlp_label_on_every_page()
    {
        var host = await app.CreateOrganizationAsync();
        var partner = await app.CreateOrganizationAsync();
        var (author, viewer) = await app.CreateUserAsync(host, ExchangeRole.Contributor, language: "fr");
        var input = MeetingBuilder.Valid("Harcèlement de rue : échange Bruxelles–Gand", Tlp.Amber, partner.Id);
        input.Minutes = "## Compte rendu\n\nLes villes comparent **leurs** approches.\n\n- premier point\n- second point";
        input.Decisions = ["Partager les outils de formation", "Se revoir en mars"];
        input.ActionItems = [new ActionItemInput { Title = "Envoyer le protocole", OwnerOrganizationId = partner.Id, Due = new DateOnly(2026, 4, 1) }];
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, input));
        Assert.True(created.Result.Succeeded);

        using var session = app.NewSession();
        await session.SignInAsync(author.Email!, AppFixture.Password);
        using var response = await session.Client.GetAsync($"/meetings/{created.Id}/minutes.docx");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(MinutesDocument.ContentType, response.Content.Headers.ContentType?.MediaType);

        await using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());
        using var document = WordprocessingDocument.Open(stream, false);
        var errors = new OpenXmlValidator().Validate(document).Select(e => $"{e.Path?.XPath}: {e.Description}").ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));

        var body = document.MainDocumentPart!.Document!.Body!;
        var paragraphs = body.Descendants<Paragraph>().ToList();
        string[] Styled(string style) => [.. paragraphs.Where(p => p.ParagraphProperties?.ParagraphStyleId?.Val?.Value == style).Select(p => p.InnerText)];
        Assert.Equal(["Harcèlement de rue : échange Bruxelles–Gand"], Styled("Title"));
        // The reader's language (French) names the sections, in the order people file them.
        Assert.Equal(["Ordre du jour", "Procès-verbal", "Décisions", "Actions"], Styled("Heading1"));
        Assert.Contains("1. Tour de table", Styled("Heading2"));
        Assert.Contains("Compte rendu", Styled("Heading2"));
        var text = body.InnerText;
        Assert.Contains("Chaque ville présente son dispositif.", text);
        Assert.Contains("• premier point", text);
        Assert.Contains("• Se revoir en mars", text);
        Assert.Contains(paragraphs, p => p.InnerText == "Les villes comparent leurs approches." && p.Descendants<Bold>().Any());
        var table = Assert.Single(body.Descendants<Table>());
        Assert.Contains("Envoyer le protocole", table.InnerText);
        Assert.Contains(partner.Name, table.InnerText);
        Assert.Contains($"{host.Name}", text);

        // Every page: the section's default header and footer both carry the label and the organizations.
        var section = body.Elements<SectionProperties>().Single();
        var headerId = section.Elements<HeaderReference>().Single(h => h.Type!.Value == HeaderFooterValues.Default).Id!.Value!;
        var header = ((HeaderPart)document.MainDocumentPart.GetPartById(headerId)).Header!.InnerText;
        Assert.StartsWith("TLP:AMBER", header);
        Assert.Contains(host.Name, header);
        Assert.Contains(partner.Name, header);
        var footerId = section.Elements<FooterReference>().Single().Id!.Value!;
        Assert.StartsWith("TLP:AMBER", ((FooterPart)document.MainDocumentPart.GetPartById(footerId)).Footer!.InnerText);
    }

    [Fact]
    public async Task Someone_who_may_not_see_the_meeting_gets_404_and_no_document()
    {
        var host = await app.CreateOrganizationAsync();
        var stranger = await app.CreateOrganizationAsync();
        var (_, viewer) = await app.CreateUserAsync(host, ExchangeRole.Contributor);
        var (outsider, _) = await app.CreateUserAsync(stranger, ExchangeRole.OrgAdmin);
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(viewer, MeetingBuilder.Valid("Amber, not shared", Tlp.Amber)));

        using var session = app.NewSession();
        await session.SignInAsync(outsider.Email!, AppFixture.Password);
        using var response = await session.Client.GetAsync($"/meetings/{created.Id}/minutes.docx");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.NotEqual(MinutesDocument.ContentType, response.Content.Headers.ContentType?.MediaType);
    }
}
