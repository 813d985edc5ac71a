using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;

namespace SafeBrussels.Exchange.Web.Hosting;

/// <summary>
/// Encrypts the Data Protection key ring at rest (the keys in <c>data_protection_keys</c>) with an X.509 certificate
/// read from a PKCS#12 file: <c>DataProtection:CertificatePath</c> and <c>DataProtection:CertificatePassword</c>.
/// Certificates that protected older keys stay readable from <c>DataProtection:PreviousCertificatePaths</c> (same
/// password), so a certificate can be replaced without signing everyone out. Without a certificate the keys are stored
/// as they are (and ASP.NET Core warns "No XML encryptor configured"): docs/operations.md, "Data Protection keys".
/// </summary>
public static class KeyRingProtection
{
    public const string SectionName = "DataProtection";

    /// <summary>Protects new keys with the configured certificate; returns false when none is configured.</summary>
    public static bool ProtectKeysWithConfiguredCertificate(this IDataProtectionBuilder builder, IConfiguration configuration)
    {
        var section = configuration.GetSection(SectionName);
        if (section["CertificatePath"] is not { Length: > 0 } path)
        {
            return false;
        }

        var password = section["CertificatePassword"];
        var current = Load(path, password);
        var previous = section.GetSection("PreviousCertificatePaths").Get<string[]>() ?? [];
        builder.ProtectKeysWithCertificate(current);
        builder.UnprotectKeysWithAnyCertificate([current, .. previous.Where(p => !string.IsNullOrEmpty(p)).Select(p => Load(p, password))]);
        return true;
    }

    private static X509Certificate2 Load(string path, string? password)
    {
        if (!File.Exists(path))
        {
            throw new InvalidOperationException($"DataProtection: the certificate file '{path}' does not exist.");
        }

        // Ephemeral: the private key stays in memory, nothing is written (the container's file system is read-only).
        var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
        return certificate.HasPrivateKey
            ? certificate
            : throw new InvalidOperationException($"DataProtection: the certificate in '{path}' has no private key.");
    }
}
