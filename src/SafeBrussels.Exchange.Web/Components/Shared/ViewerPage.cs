using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>Base for interactive pages that act on behalf of the signed-in member.</summary>
public abstract class ViewerPage : ComponentBase
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private PageReadiness Readiness { get; set; } = default!;

    protected Viewer? CurrentViewer { get; private set; }

    protected override async Task OnInitializedAsync()
    {
        Readiness.Begin();
        try
        {
            if (AuthenticationState is not null)
            {
                CurrentViewer = Viewer.From((await AuthenticationState).User);
            }

            await OnViewerReadyAsync();
        }
        finally
        {
            Readiness.End();
        }
    }

    /// <summary>Runs once the viewer is known; load the page's data here.</summary>
    protected virtual Task OnViewerReadyAsync() => Task.CompletedTask;
}
