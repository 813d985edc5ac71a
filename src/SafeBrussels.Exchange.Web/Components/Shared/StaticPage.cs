using Microsoft.AspNetCore.Components;

namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>
/// Whether a component is part of a page rendered statically on the server, with no circuit (the read pages marked
/// <see cref="Microsoft.AspNetCore.Components.ExcludeFromInteractiveRoutingAttribute"/>): not interactive now and never will be, so its controls must work
/// as plain HTML (links, forms, disclosures). A prerender of an interactive page is not static: it has a render mode.
/// </summary>
public static class StaticPage
{
    public static bool Is(RendererInfo renderer, IComponentRenderMode? renderMode) => !renderer.IsInteractive && renderMode is null;
}
