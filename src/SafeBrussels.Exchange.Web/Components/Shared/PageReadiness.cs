namespace SafeBrussels.Exchange.Web.Components.Shared;

/// <summary>
/// Whether the page of this circuit is still loading its data (one per circuit). <see cref="ViewerPage"/> marks its
/// loading; <see cref="ReadinessMarker"/> shows the outcome as <c>data-ready</c>, which the end-to-end tests wait on
/// instead of on the network.
/// </summary>
public sealed class PageReadiness
{
    private int _loading;

    public event Action? Changed;

    public bool Loading => Volatile.Read(ref _loading) > 0;

    public void Begin()
    {
        Interlocked.Increment(ref _loading);
        Changed?.Invoke();
    }

    public void End()
    {
        Interlocked.Decrement(ref _loading);
        Changed?.Invoke();
    }
}
