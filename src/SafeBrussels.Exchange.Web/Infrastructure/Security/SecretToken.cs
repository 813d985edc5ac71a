using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SafeBrussels.Exchange.Web.Infrastructure.Security;

/// <summary>
/// Random secrets handed to a person once (invitation links, API tokens, feed links): 256 random bits, URL-safe. The
/// database keeps only their SHA-256 hash, and a presented secret is found by its hash.
/// </summary>
public static class SecretToken
{
    /// <summary>A new secret, after <paramref name="prefix"/> (which says what kind of secret it is, e.g. "sbx_").</summary>
    public static string Create(string prefix = "") => prefix + WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
