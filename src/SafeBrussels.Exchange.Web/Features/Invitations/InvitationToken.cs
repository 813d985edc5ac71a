using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace SafeBrussels.Exchange.Web.Features.Invitations;

/// <summary>Random invitation tokens; the database keeps only their SHA-256 hash.</summary>
public static class InvitationToken
{
    public static string Create() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    public static string Hash(string token) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
