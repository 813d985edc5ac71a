using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.WebUtilities;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// The token in a digest's unsubscribe link: the member's id, signed and encrypted with the application's Data
/// Protection keys, so that the link works without signing in and cannot be made up for someone else.
/// </summary>
public sealed class UnsubscribeTokens(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("SafeBrussels.Exchange.Digests.Unsubscribe.v1");

    public string Create(Guid userId) => WebEncoders.Base64UrlEncode(_protector.Protect(userId.ToByteArray()));

    public Guid? Read(string? token)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 1000)
        {
            return null;
        }

        try
        {
            var bytes = _protector.Unprotect(WebEncoders.Base64UrlDecode(token));
            return bytes.Length == 16 ? new Guid(bytes) : null;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException)
        {
            return null;
        }
    }
}
