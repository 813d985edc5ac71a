using System.Globalization;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using SafeBrussels.Exchange.Web.Components.Shared;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Components.Shared;

public sealed class PageErrorBoundaryTests : MudBunitContext
{
    [Theory]
    [InlineData("fr", "Une partie de cette page n’a pas pu s’afficher")]
    [InlineData("nl", "Een deel van deze pagina kon niet worden getoond")]
    [InlineData("en", "Part of this page could not be shown")]
    public void A_component_that_throws_shows_a_localized_message_and_the_page_goes_on(string language, string message)
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        Thrower.Fail = true;
        var boundary = Render<PageErrorBoundary>(p => p.Add(b => b.ChildContent, (RenderFragment)(builder =>
        {
            builder.OpenComponent<Thrower>(0);
            builder.CloseComponent();
        })));

        Assert.Contains(message, boundary.Find("[data-testid=page-error]").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=thrower]"));

        // The renderer is still alive: once the cause is gone, "try again" shows the component.
        Thrower.Fail = false;
        boundary.Find("[data-testid=page-error-retry]").Click();
        Assert.Equal("fine", boundary.Find("[data-testid=thrower]").TextContent);
        Assert.Empty(boundary.FindAll("[data-testid=page-error]"));
    }

    private sealed class Thrower : ComponentBase
    {
        public static bool Fail { get; set; }

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            if (Fail)
            {
                throw new InvalidOperationException("broken component");
            }

            builder.OpenElement(0, "span");
            builder.AddAttribute(1, "data-testid", "thrower");
            builder.AddContent(2, "fine");
            builder.CloseElement();
        }
    }
}
