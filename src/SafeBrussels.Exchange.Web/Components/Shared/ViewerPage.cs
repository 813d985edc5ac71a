using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using SafeBrussels.Exchange.Web.Features.Accounts;

namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>Base for interactive pages that act on behalf of the signed-in member.</summary>
public abstract class ViewerPage : ComponentBase, IDisposable
{
    [CascadingParameter]
    private Task<AuthenticationState>? AuthenticationState { get; set; }

    [Inject]
    private PageReadiness Readiness { get; set; } = default!;

    // Absent where a page is rendered outside a Blazor host's renderer (an HtmlRenderer in a test): it then loads.
    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    private PersistentComponentState? ApplicationState => Services.GetService<PersistentComponentState>();

    private readonly List<(string Key, object Value)> _loadedOnce = [];
    private PersistingComponentStateSubscription? _persisting;

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

    /// <summary>
    /// What <paramref name="load"/> returns, loaded once per full page load. A page is prerendered, then rendered again
    /// when its circuit starts: the prerender's value travels in the page (protected, as the circuit's state is) and the
    /// interactive render takes it instead of reading the database again, so that a view reads once and a view of an
    /// AMBER+STRICT or RED record is audited once. Later loads (a new parameter, a navigation inside the app) read.
    /// </summary>
    protected async Task<T> LoadOnceAsync<T>(string key, Func<Task<T>> load)
    {
        var name = $"{GetType().FullName}/{key}";
        // A statically rendered page is never rendered again: nothing to hand over (and its data stays out of the HTML).
        var state = StaticPage.Is(RendererInfo, AssignedRenderMode) ? null : ApplicationState;
        if (state is not null && state.TryTakeFromJson<T>(name, out var restored) && restored is not null)
        {
            return restored;
        }

        var value = await load();
        if (state is not null && value is not null)
        {
            _loadedOnce.RemoveAll(entry => entry.Key == name);
            _loadedOnce.Add((name, value));
            _persisting ??= state.RegisterOnPersisting(PersistAsync, RenderMode.InteractiveServer);
        }

        return value;
    }

    private Task PersistAsync()
    {
        foreach (var (key, value) in _loadedOnce)
        {
            ApplicationState!.PersistAsJson(key, value);
        }

        return Task.CompletedTask;
    }

    public void Dispose()
    {
        _persisting?.Dispose();
        GC.SuppressFinalize(this);
    }
}
