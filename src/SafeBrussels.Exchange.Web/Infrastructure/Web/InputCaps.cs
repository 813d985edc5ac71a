namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// What a browser field lets through to the circuit (its <c>maxlength</c>), well over every documented limit so that the
/// field's own validation refuses what is too long with the limit stated, and well under the circuit's message size
/// (<c>ExchangeServices.MaximumCircuitMessageBytes</c>) so that a huge paste never ends the page's connection.
/// </summary>
public static class InputCaps
{
    /// <summary>A one-line field (documented limits up to 2,000 characters).</summary>
    public const int Line = 5_000;

    /// <summary>A multi-line field (documented limits up to 200,000 characters).</summary>
    public const int Text = 400_000;
}
