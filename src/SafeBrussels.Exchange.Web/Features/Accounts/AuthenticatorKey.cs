namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>What an authenticator app needs: the shared key, spaced for typing, and the same as a QR code (inline SVG).</summary>
/// <param name="Created">A new key was made now, which also changed the member's security stamp (refresh their sign-in).</param>
public sealed record AuthenticatorKey(string SpacedKey, string Uri, string QrSvg, bool Created);
