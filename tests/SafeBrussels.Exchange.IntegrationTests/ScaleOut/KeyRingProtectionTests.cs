using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.TestSupport;

namespace SafeBrussels.Exchange.IntegrationTests.ScaleOut;

/// <summary>
/// The Data Protection key ring encrypted at rest with a certificate (DataProtection:CertificatePath), as deploy/docker
/// and deploy/kubernetes configure it: the keys in PostgreSQL are unreadable without the certificate, and every
/// instance given it reads them.
/// </summary>
public sealed class KeyRingProtectionTests : IAsyncLifetime
{
    private const string Password = "key-ring-test";
    private readonly string _directory = Directory.CreateTempSubdirectory("exchange-keyring-").FullName;
    private TestDatabase _database = default!;
    private TestSmtpServer _smtp = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("keyring");
        _smtp = new TestSmtpServer();
    }

    [Fact]
    public async Task Keys_are_stored_encrypted_with_the_certificate_and_read_by_every_instance_that_has_it()
    {
        var current = Certificate("current");
        await using var first = App(current);
        var payload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Protect([4, 2]);

        await using (var db = _database.CreateContext())
        {
            var key = Assert.Single(await db.DataProtectionKeys.AsNoTracking().ToListAsync());
            // The key's secret is an EncryptedData element (XML encryption to the certificate), not the plain masterKey.
            Assert.Contains("EncryptedData", key.Xml, StringComparison.Ordinal);
            Assert.DoesNotContain("<masterKey", key.Xml, StringComparison.Ordinal);
        }

        await using (var second = App(current))
        {
            Assert.Equal([4, 2], second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(payload));
        }

        // A new certificate, the old one kept as previous: old keys still open (nobody is signed out by the change).
        await using (var renewed = App(Certificate("renewed"), previous: current))
        {
            Assert.Equal([4, 2], renewed.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(payload));
        }

        // Without the certificate the stored key cannot be read: the database alone does not give the keys away.
        await using var without = new ExchangeAppFactory(_database, _smtp);
        Assert.ThrowsAny<CryptographicException>(() => without.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("key ring test").Unprotect(payload));
    }

    [Fact]
    public void A_missing_certificate_file_stops_the_start_with_its_path()
    {
        var missing = Path.Combine(_directory, "missing.pfx");
        var app = new ExchangeAppFactory(_database, _smtp, settings: new Dictionary<string, string?> { ["DataProtection:CertificatePath"] = missing });
        var error = Assert.ThrowsAny<Exception>(() => app.Services);
        Assert.Contains(missing, error.ToString(), StringComparison.Ordinal);
    }

    private ExchangeAppFactory App(string certificate, string? previous = null) => new(_database, _smtp, settings: new Dictionary<string, string?>
    {
        ["DataProtection:CertificatePath"] = certificate,
        ["DataProtection:CertificatePassword"] = Password,
        ["DataProtection:PreviousCertificatePaths:0"] = previous,
    });

    /// <summary>A self-signed RSA certificate with its private key in a PKCS#12 file, as `openssl pkcs12 -export` makes.</summary>
    private string Certificate(string name)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest($"CN=SafeBrussels Exchange key ring {name}", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
        var path = Path.Combine(_directory, name + ".pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        return path;
    }

    public async Task DisposeAsync()
    {
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }
}
