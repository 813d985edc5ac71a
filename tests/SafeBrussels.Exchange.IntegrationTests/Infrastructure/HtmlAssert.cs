using AngleSharp.Dom;

namespace SafeBrussels.Exchange.IntegrationTests.Infrastructure;

/// <summary>Checks that user-typed text reached the page as text: no active element, event handler or script URL.</summary>
public static class HtmlAssert
{
    private static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "img", "body", "form", "base", "meta", "link", "style"];

    public static void Inert(IElement container)
    {
        foreach (var element in container.Descendants<IElement>())
        {
            Assert.DoesNotContain(element.LocalName, ActiveElements);
            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}>");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The only SVG allowed is MudBlazor's own icons.
        Assert.All(container.QuerySelectorAll("svg"), svg => Assert.Contains("mud-icon-root", svg.ClassName ?? ""));
    }
}
