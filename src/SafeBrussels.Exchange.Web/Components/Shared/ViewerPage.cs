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

    private bool _initialized;

    /// <summary>
    /// The member this page acts for. When the circuit's revalidation finds that they changed (a new role or
    /// organization) or ended their session, the cascading state changes and so does this; every command still decides
    /// on the member as the database holds them (<see cref="ViewerStanding"/>), whatever a page remembered.
    /// </summary>
    protected Viewer? CurrentViewer { get; private set; }

    public override async Task SetParametersAsync(ParameterView parameters)
    {
        var before = AuthenticationState;
        parameters.SetParameterProperties(this);
        if (_initialized && AuthenticationState is not null && !ReferenceEquals(before, AuthenticationState))
        {
            CurrentViewer = Viewer.From((await AuthenticationState).User);
        }

        await base.SetParametersAsync(ParameterView.Empty);
    }

    protected override async Task OnInitializedAsync()
    {
        _initialized = true;
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
