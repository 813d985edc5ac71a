using Bunit;
using MudBlazor.Services;

namespace SafeBrussels.Exchange.Web.Tests.Support;

/// <summary>
/// A bunit context with MudBlazor and the real fr/nl/en resources. MudBlazor's services are only
/// asynchronously disposable, so xunit disposes the context through IAsyncLifetime.
/// </summary>
public abstract class MudBunitContext : BunitContext, IAsyncLifetime
{
    protected MudBunitContext()
    {
        Services.AddRealLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
