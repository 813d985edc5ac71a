namespace SafeBrussels.Exchange.Web.Components.Account;

/// <summary>What the passkey element posts: the browser's credential (JSON), or an error code when there is none.</summary>
public sealed class PasskeyInputModel
{
    public string? CredentialJson { get; set; }

    /// <summary><c>not-allowed</c> (cancelled or no passkey), <c>unsupported</c> (old browser) or <c>failed</c>.</summary>
    public string? Error { get; set; }

    /// <summary>The resource key that explains <see cref="Error"/> to the member.</summary>
    public string? ErrorKey => Error switch
    {
        null or "" => null,
        "not-allowed" => "Passkeys.ErrorNotAllowed",
        "unsupported" => "Passkeys.ErrorUnsupported",
        _ => "Passkeys.ErrorFailed",
    };
}
