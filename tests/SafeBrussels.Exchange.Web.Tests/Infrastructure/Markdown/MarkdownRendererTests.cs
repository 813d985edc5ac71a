using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using SafeBrussels.Exchange.Web.Infrastructure.Markdown;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Markdown;

public sealed class MarkdownRendererTests
{
    private static readonly MarkdownRenderer Renderer = new();

    public static TheoryData<string> Vectors => XssVectors.Theory();

    [Theory]
    [MemberData(nameof(Vectors))]
    public void Xss_vectors_render_inert(string vector)
    {
        var html = Renderer.ToHtml($"Compte rendu\n\n{vector}\n\n- point {vector}");
        AssertInert(html);
    }

    [Fact]
    public void Markdown_renders_and_links_open_safely()
    {
        var html = Renderer.ToHtml("## Décisions\n\n- **Former** les agents\n- Voir [le guide](https://example.org/guide)");

        Assert.Contains("<h2>Décisions</h2>", html);
        Assert.Contains("<strong>Former</strong>", html);
        var link = new HtmlParser().ParseDocument(html).QuerySelector("a")!;
        Assert.Equal("https://example.org/guide", link.GetAttribute("href"));
        Assert.Equal("noopener noreferrer nofollow", link.GetAttribute("rel"));
    }

    [Fact]
    public void Raw_html_is_shown_as_text_not_rendered()
    {
        var html = Renderer.ToHtml("<b>bold?</b>");
        Assert.DoesNotContain("<b>", html);
        Assert.Contains("&lt;b&gt;", html);
    }

    internal static void AssertInert(string html)
    {
        var document = new HtmlParser().ParseDocument($"<body>{html}</body>");
        foreach (var element in document.Body!.QuerySelectorAll("*"))
        {
            Assert.DoesNotContain(element.LocalName, new[] { "script", "iframe", "object", "embed", "img", "svg", "style", "link", "meta", "body", "form", "base" });
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"event handler {attribute.Name} in {html}");
                Assert.False(attribute.Name is "style" or "src" or "background" or "data", $"attribute {attribute.Name} in {html}");
                if (attribute.Name == "href")
                {
                    Assert.Matches(new Regex("^(https?:|mailto:)", RegexOptions.IgnoreCase), attribute.Value);
                }
            }
        }
    }
}
