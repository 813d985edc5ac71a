using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using Microsoft.Extensions.Localization;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Features.Themes;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Text;
using SafeBrussels.Exchange.Web.Infrastructure.Web;
using SafeBrussels.Exchange.Web.Resources;
using MarkdownBlock = Markdig.Syntax.Block;
using WordParagraph = DocumentFormat.OpenXml.Wordprocessing.Paragraph;
using WordTable = DocumentFormat.OpenXml.Wordprocessing.Table;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>
/// A meeting's minutes as a Word document (Open XML) to file in an administration's own records system: a header on
/// every page with the TLP label, the organizations and the date; then the facts, agenda, minutes, decisions and
/// action items, in the reader's language. Markdown becomes Word headings, paragraphs and lists; no raw HTML.
/// </summary>
public static class MinutesDocument
{
    public const string ContentType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().DisableHtml().UsePipeTables().UseEmphasisExtras().UseListExtras().Build();

    public static void MapMinutesExport(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/meetings/{id:guid}/minutes.docx", async (
            Guid id, HttpContext context, MeetingReader meetings, ThemeService themes, PublicLinks links, IStringLocalizer<SharedResource> localizer) =>
        {
            var meeting = await meetings.GetAsync(Viewer.From(context.User)!, id, context.RequestAborted);
            if (meeting is null)
            {
                return Results.NotFound();
            }

            var labels = (await themes.ListAsync(includeRetired: true)).ToDictionary(t => t.Key, t => t.Label);
            var body = Build(meeting, localizer, labels, links.Absolute($"/meetings/{meeting.Id}"));
            return Results.File(body, ContentType, $"minutes-{ExchangeTime.ToBrussels(meeting.StartsAt):yyyy-MM-dd}-{meeting.Id.ToString()[..8]}.docx");
        }).RequireAuthorization();

    public static byte[] Build(MeetingDetail meeting, IStringLocalizer localizer, IReadOnlyDictionary<string, string> themeLabels, string url)
    {
        using var stream = new MemoryStream();
        using (var document = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            var main = document.AddMainDocumentPart();
            AddStyles(main, meeting.Language);
            document.PackageProperties.Title = ControlCharacters.Clean(meeting.Title);
            document.PackageProperties.Creator = "SafeBrussels Exchange";
            document.PackageProperties.Subject = $"TLP:{meeting.Tlp.ToLabel()}";

            var organizations = string.Join(", ", new[] { meeting.OrganizationName }.Concat(meeting.Participants.Select(p => p.Name)));
            var when = $"{ExchangeTime.FormatDate(meeting.StartsAt)}, {ExchangeTime.FormatTime(meeting.StartsAt)}"
                + (meeting.EndsAt is { } end ? $" – {ExchangeTime.FormatTime(end)}" : "");

            // The header repeats on every page: the label first, as TLP 2.0 asks of documents.
            var header = main.AddNewPart<HeaderPart>();
            header.Header = new Header(
                new WordParagraph(new Run(new RunProperties(new Bold()), new Text(ControlCharacters.Clean($"TLP:{meeting.Tlp.ToLabel()}")))),
                new WordParagraph(new Run(new Text(ControlCharacters.Clean($"{organizations} · {ExchangeTime.FormatDate(meeting.StartsAt)}")) { Space = SpaceProcessingModeValues.Preserve })));
            var footer = main.AddNewPart<FooterPart>();
            footer.Footer = new Footer(new WordParagraph(
                new Run(new RunProperties(new Bold()), new Text(ControlCharacters.Clean($"TLP:{meeting.Tlp.ToLabel()}"))),
                new Run(new Text(ControlCharacters.Clean($" · {meeting.Title} · ")) { Space = SpaceProcessingModeValues.Preserve }),
                new SimpleField { Instruction = " PAGE " }));

            var body = new Body();
            body.Append(Styled("Title", meeting.Title));
            body.Append(Fact(localizer["Field.When"], when));
            body.Append(Fact(localizer["Field.HostOrganization"], meeting.OrganizationName));
            if (meeting.Participants.Count > 0)
            {
                body.Append(Fact(localizer["Field.Participants"], string.Join(", ", meeting.Participants.Select(p => p.Name))));
            }

            if (!string.IsNullOrWhiteSpace(meeting.Location))
            {
                body.Append(Fact(localizer["Field.Location"], meeting.Location));
            }

            if (meeting.Themes.Count > 0)
            {
                body.Append(Fact(localizer["Field.Themes"], string.Join(", ", meeting.Themes.Select(k => themeLabels.GetValueOrDefault(k, k)))));
            }

            if (meeting.Attendees.Count > 0)
            {
                body.Append(Fact(localizer["Field.Attendees"], string.Join(", ", meeting.Attendees.Select(a => a.Name))));
            }

            body.Append(Fact("TLP", meeting.Tlp.ToLabel()));
            body.Append(Fact(localizer["Minutes.Source"], url));

            body.Append(Styled("Heading1", localizer["Field.Agenda"]));
            if (meeting.Agenda.Count == 0)
            {
                body.Append(new WordParagraph(new Run(new Text(ControlCharacters.Clean(localizer["Meetings.NoAgenda"])))));
            }

            var number = 0;
            foreach (var item in meeting.Agenda)
            {
                body.Append(Styled("Heading2", $"{++number}. {item.Title}"));
                AppendMarkdown(body, item.Notes);
            }

            body.Append(Styled("Heading1", localizer["Field.Minutes"]));
            AppendMarkdown(body, meeting.Minutes);

            body.Append(Styled("Heading1", localizer["Field.Decisions"]));
            foreach (var decision in meeting.Decisions)
            {
                body.Append(Bullet(decision));
            }

            body.Append(Styled("Heading1", localizer["Field.ActionItems"]));
            if (meeting.ActionItems.Count > 0)
            {
                body.Append(ActionTable(meeting, localizer));
            }

            // Header and footer on every page, A4 with 2 cm margins.
            body.Append(new SectionProperties(
                new HeaderReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(header) },
                new FooterReference { Type = HeaderFooterValues.Default, Id = main.GetIdOfPart(footer) },
                new PageSize { Width = 11906U, Height = 16838U },
                new PageMargin { Top = 1134, Bottom = 1134, Left = 1134U, Right = 1134U, Header = 567U, Footer = 567U, Gutter = 0U }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static void AppendMarkdown(Body body, string markdown)
    {
        foreach (var block in Markdig.Markdown.Parse(markdown ?? "", Pipeline))
        {
            AppendBlock(body, block, listPrefix: null, depth: 0);
        }
    }

    private static void AppendBlock(Body body, MarkdownBlock block, string? listPrefix, int depth)
    {
        switch (block)
        {
            case HeadingBlock heading:
                body.Append(StyledRuns(heading.Level <= 2 ? "Heading2" : "Heading3", Inlines(heading.Inline)));
                break;
            case ParagraphBlock paragraph:
                var runs = Inlines(paragraph.Inline);
                if (listPrefix is not null)
                {
                    runs.Insert(0, new Run(new Text(ControlCharacters.Clean(listPrefix)) { Space = SpaceProcessingModeValues.Preserve }));
                }

                body.Append(Indented(new WordParagraph(runs), depth));
                break;
            case ListBlock list:
                var index = int.TryParse(list.OrderedStart, NumberStyles.Integer, CultureInfo.InvariantCulture, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var prefix = list.IsOrdered ? $"{index++}. " : "• ";
                    var first = true;
                    foreach (var child in item)
                    {
                        AppendBlock(body, child, first ? prefix : "", depth + 1);
                        first = false;
                    }
                }

                break;
            case QuoteBlock quote:
                foreach (var child in quote)
                {
                    AppendBlock(body, child, null, depth + 1);
                }

                break;
            case CodeBlock code:
                foreach (var line in code.Lines.Lines.Take(code.Lines.Count))
                {
                    body.Append(Indented(new WordParagraph(new Run(
                        new RunProperties(new RunFonts { Ascii = "Courier New", HighAnsi = "Courier New" }),
                        new Text(ControlCharacters.Clean(line.ToString())) { Space = SpaceProcessingModeValues.Preserve })), depth + 1));
                }

                break;
            case ThematicBreakBlock:
                break;
            case ContainerBlock container:
                foreach (var child in container)
                {
                    AppendBlock(body, child, null, depth);
                }

                break;
            case LeafBlock leaf when leaf.Inline is not null:
                body.Append(new WordParagraph(Inlines(leaf.Inline)));
                break;
        }
    }

    private static List<OpenXmlElement> Inlines(ContainerInline? container, bool bold = false, bool italic = false)
    {
        var runs = new List<OpenXmlElement>();
        for (var inline = container?.FirstChild; inline is not null; inline = inline.NextSibling)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    runs.Add(TextRun(literal.Content.ToString(), bold, italic));
                    break;
                case CodeInline code:
                    runs.Add(TextRun(code.Content, bold, italic));
                    break;
                case LineBreakInline:
                    runs.Add(new Run(new Break()));
                    break;
                case EmphasisInline emphasis:
                    var strong = emphasis.DelimiterCount >= 2 && emphasis.DelimiterChar is '*' or '_';
                    runs.AddRange(Inlines(emphasis, bold || strong, italic || !strong));
                    break;
                case LinkInline link:
                    runs.AddRange(Inlines(link, bold, italic));
                    if (!string.IsNullOrEmpty(link.Url) && link.Url != (link.FirstChild as LiteralInline)?.Content.ToString())
                    {
                        runs.Add(TextRun($" ({link.Url})", bold, italic));
                    }

                    break;
                case AutolinkInline autolink:
                    runs.Add(TextRun(autolink.Url, bold, italic));
                    break;
                case ContainerInline nested:
                    runs.AddRange(Inlines(nested, bold, italic));
                    break;
            }
        }

        return runs;
    }

    private static Run TextRun(string text, bool bold, bool italic)
    {
        var run = new Run();
        if (bold || italic)
        {
            var properties = new RunProperties();
            if (bold)
            {
                properties.Append(new Bold());
            }

            if (italic)
            {
                properties.Append(new Italic());
            }

            run.Append(properties);
        }

        run.Append(new Text(ControlCharacters.Clean(text)) { Space = SpaceProcessingModeValues.Preserve });
        return run;
    }

    private static WordParagraph Styled(string style, string text) => StyledRuns(style, [TextRun(text, false, false)]);

    private static WordParagraph StyledRuns(string style, IEnumerable<OpenXmlElement> runs)
    {
        var paragraph = new WordParagraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        paragraph.Append(runs);
        return paragraph;
    }

    private static WordParagraph Fact(string label, string value) =>
        new(new Run(new RunProperties(new Bold()), new Text(ControlCharacters.Clean($"{label}: ")) { Space = SpaceProcessingModeValues.Preserve }), new Run(new Text(ControlCharacters.Clean(value))));

    private static WordParagraph Bullet(string text) => Indented(new WordParagraph(TextRun("• " + text, false, false)), 1);

    private static WordParagraph Indented(WordParagraph paragraph, int depth)
    {
        if (depth > 0)
        {
            paragraph.PrependChild(new ParagraphProperties(new Indentation { Left = (360 * depth).ToString(CultureInfo.InvariantCulture) }));
        }

        return paragraph;
    }

    private static WordTable ActionTable(MeetingDetail meeting, IStringLocalizer localizer)
    {
        var table = new WordTable(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new LeftBorder { Val = BorderValues.Single, Size = 4 },
                new BottomBorder { Val = BorderValues.Single, Size = 4 }, new RightBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 }, new InsideVerticalBorder { Val = BorderValues.Single, Size = 4 })),
            // The A4 text width (9,638 twips) shared between title, owner, due date and status.
            new TableGrid(new GridColumn { Width = "4200" }, new GridColumn { Width = "2600" }, new GridColumn { Width = "1500" }, new GridColumn { Width = "1338" }));
        table.Append(Row(true, localizer["Field.Title"], localizer["Field.Owner"], localizer["Field.Due"], localizer["Members.Status"]));
        foreach (var action in meeting.ActionItems)
        {
            table.Append(Row(
                false,
                action.Title,
                action.OwnerUserName ?? action.OwnerOrganizationName ?? "—",
                action.Due?.ToString("d", CultureInfo.CurrentCulture) ?? "—",
                action.IsDone ? localizer["ActionItems.Done"] : localizer["ActionItems.Open"]));
        }

        return table;
    }

    private static TableRow Row(bool header, params string[] cells)
    {
        var row = new TableRow();
        if (header)
        {
            row.Append(new TableRowProperties(new TableHeader()));
        }

        foreach (var cell in cells)
        {
            row.Append(new TableCell(new WordParagraph(TextRun(cell, header, false))));
        }

        return row;
    }

    private static void AddStyles(MainDocumentPart main, string language)
    {
        var part = main.AddNewPart<StyleDefinitionsPart>();
        var culture = language switch { "fr" => "fr-BE", "nl" => "nl-BE", _ => "en-GB" };
        part.Styles = new Styles(
            new DocDefaults(
                new RunPropertiesDefault(new RunPropertiesBaseStyle(
                    new RunFonts { Ascii = "Calibri", HighAnsi = "Calibri", ComplexScript = "Calibri" },
                    new FontSize { Val = "22" },
                    new Languages { Val = culture })),
                new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(new SpacingBetweenLines { After = "120" }))),
            new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true },
            Heading("Title", "Title", "36"),
            Heading("Heading1", "heading 1", "30", 1),
            Heading("Heading2", "heading 2", "26", 2),
            Heading("Heading3", "heading 3", "23", 3));
        part.Styles.Save();
    }

    private static Style Heading(string id, string name, string size, int? outline = null)
    {
        var paragraph = new StyleParagraphProperties(new KeepNext(), new SpacingBetweenLines { Before = "240", After = "120" });
        if (outline is { } level)
        {
            paragraph.Append(new OutlineLevel { Val = level - 1 });
        }

        return new Style(
            new StyleName { Val = name },
            new BasedOn { Val = "Normal" },
            new NextParagraphStyle { Val = "Normal" },
            new PrimaryStyle(),
            paragraph,
            new StyleRunProperties(new Bold(), new FontSize { Val = size }))
        { Type = StyleValues.Paragraph, StyleId = id };
    }
}
