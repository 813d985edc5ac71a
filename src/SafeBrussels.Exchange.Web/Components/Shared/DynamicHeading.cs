using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;

namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>A heading whose level the page decides (h2 on a page of its own, h3 inside a dashboard card).</summary>
public sealed class DynamicHeading : ComponentBase
{
    private static readonly HashSet<string> Levels = new(StringComparer.Ordinal) { "h1", "h2", "h3", "h4", "h5", "h6" };

    [Parameter, EditorRequired]
    public string Tag { get; set; } = "h2";

    [Parameter]
    public string? Style { get; set; }

    [Parameter]
    public RenderFragment? ChildContent { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, Levels.Contains(Tag) ? Tag : "h2");
        builder.AddAttribute(1, "style", Style);
        builder.AddContent(2, ChildContent);
        builder.CloseElement();
    }
}
