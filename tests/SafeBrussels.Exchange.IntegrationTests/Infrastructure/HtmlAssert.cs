using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace SafeBrussels.Exchange.IntegrationTests.Infrastructure;

/// <summary>Checks that user-typed text reached the page as text: no active element, event handler or script URL.</summary>
public static partial class HtmlAssert
{
    private static readonly string[] ActiveElements = ["script", "iframe", "object", "embed", "img", "body", "form", "base", "meta", "link", "style"];

    public static void Inert(IElement container)
    {
        foreach (var element in container.Descendants<IElement>())
        {
            if (!IsThePagesOwnForm(element))
            {
                Assert.DoesNotContain(element.LocalName, ActiveElements);
            }

            foreach (var attribute in element.Attributes)
            {
                Assert.False(attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase), $"{attribute.Name} on <{element.LocalName}>");
                Assert.DoesNotContain("javascript:", attribute.Value, StringComparison.OrdinalIgnoreCase);
            }
        }

        // The only SVG allowed is MudBlazor's own icons.
        Assert.All(container.QuerySelectorAll("svg"), svg => Assert.Contains("mud-icon-root", svg.ClassName ?? ""));
    }

    /// <summary>
    /// A form the page renders itself (following, commenting, adding a file): Blazor names it in a hidden "_handler"
    /// field. Typed text cannot make one: the sanitizer drops forms and inputs, and text is encoded.
    /// </summary>
    private static bool IsThePagesOwnForm(IElement element) =>
        element.LocalName == "form"
        && element.Children.FirstOrDefault(child => child.LocalName == "input" && child.GetAttribute("name") == "_handler") is { } handler
        && OwnForms().IsMatch(handler.GetAttribute("value") ?? "");

    [GeneratedRegex("^(follow|comment-new|comment-edit|comment-delete-[0-9a-f-]{36}|attachment-upload)$")]
    private static partial Regex OwnForms();
}
