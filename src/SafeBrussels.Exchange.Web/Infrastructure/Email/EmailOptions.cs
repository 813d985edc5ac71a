namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

/// <summary>Configuration section <c>Email</c>.</summary>
public sealed class EmailOptions
{
    public const string SectionName = "Email";

    public string FromAddress { get; set; } = "no-reply@exchange.localhost";

    public string FromName { get; set; } = "SafeBrussels Exchange";

    public SmtpOptions Smtp { get; set; } = new();

    public DkimOptions Dkim { get; set; } = new();
}

/// <summary>Configuration section <c>Email:Dkim</c>: digests are signed when a private key is given.</summary>
public sealed class DkimOptions
{
    /// <summary>Path of the PEM private key (never in the repository; a mounted secret).</summary>
    public string? PrivateKeyPath { get; set; }

    public string Domain { get; set; } = "";

    public string Selector { get; set; } = "";
}

/// <summary>Configuration section <c>Email:Smtp</c>.</summary>
public sealed class SmtpOptions
{
    public string Host { get; set; } = "localhost";

    public int Port { get; set; } = 25;

    /// <summary>None, StartTls, StartTlsWhenAvailable or SslOnConnect (MailKit's SecureSocketOptions).</summary>
    public SmtpTlsMode TlsMode { get; set; } = SmtpTlsMode.StartTlsWhenAvailable;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public int TimeoutSeconds { get; set; } = 30;
}

public enum SmtpTlsMode
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}
