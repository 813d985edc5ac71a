using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using QRCoder;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Audit;

namespace SafeBrussels.Exchange.Web.Features.Accounts;

/// <summary>
/// TOTP two-factor authentication (RFC 6238, the Identity authenticator provider): the key to scan, turning it on with a
/// first valid code (which also makes ten single-use recovery codes), new recovery codes, turning it off.
/// </summary>
public sealed class TwoFactorSetup(UserManager<ApplicationUser> users, AuditTrail audit)
{
    public const int RecoveryCodeCount = 10;
    private const string Issuer = "SafeBrussels Exchange";

    public async Task<AuthenticatorKey> KeyAsync(ApplicationUser user)
    {
        var stored = await users.GetAuthenticatorKeyAsync(user);
        var created = string.IsNullOrEmpty(stored);
        if (created)
        {
            await users.ResetAuthenticatorKeyAsync(user);
        }

        var key = created
            ? await users.GetAuthenticatorKeyAsync(user) ?? throw new InvalidOperationException("No authenticator key was stored.")
            : stored!;

        var uri = string.Create(CultureInfo.InvariantCulture,
            $"otpauth://totp/{Uri.EscapeDataString(Issuer)}:{Uri.EscapeDataString(user.Email ?? "")}?secret={key}&issuer={Uri.EscapeDataString(Issuer)}&digits=6");
        using var data = QRCodeGenerator.GenerateQrCode(uri, QRCodeGenerator.ECCLevel.M);
        var svg = new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true);
        return new AuthenticatorKey(Spaced(key), uri, svg, created);
    }

    /// <summary>Turns two-factor on if <paramref name="code"/> is valid now; returns the recovery codes, or null for a wrong code.</summary>
    public async Task<IReadOnlyList<string>?> EnableAsync(ApplicationUser user, string? code)
    {
        if (!await VerifyAsync(user, code))
        {
            return null;
        }

        await users.SetTwoFactorEnabledAsync(user, true);
        var codes = (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];
        await audit.WriteAsync(AuditEvent.By(user, AuditActions.TwoFactorEnabled));
        return codes;
    }

    public async Task<IReadOnlyList<string>> NewRecoveryCodesAsync(ApplicationUser user) =>
        (await users.GenerateNewTwoFactorRecoveryCodesAsync(user, RecoveryCodeCount))?.ToList() ?? [];

    public async Task DisableAsync(ApplicationUser user)
    {
        await users.SetTwoFactorEnabledAsync(user, false);
        await users.ResetAuthenticatorKeyAsync(user);
        await audit.WriteAsync(AuditEvent.By(user, AuditActions.TwoFactorDisabled));
    }

    public Task<bool> VerifyAsync(ApplicationUser user, string? code)
    {
        var digits = Normalize(code);
        return digits.Length == 0
            ? Task.FromResult(false)
            : users.VerifyTwoFactorTokenAsync(user, users.Options.Tokens.AuthenticatorTokenProvider, digits);
    }

    /// <summary>What people type: spaces and dashes removed.</summary>
    public static string Normalize(string? code) => (code ?? "").Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);

    private static string Spaced(string key)
    {
        var spaced = new StringBuilder();
        for (var i = 0; i < key.Length; i += 4)
        {
            spaced.Append(key.AsSpan(i, Math.Min(4, key.Length - i))).Append(' ');
        }

        return spaced.ToString().TrimEnd().ToLowerInvariant();
    }
}
