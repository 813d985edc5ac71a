namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

/// <summary>Configuration section <c>Email:Dkim</c>: digests are signed when a private key is given.</summary>
public sealed class DkimOptions
{
    /// <summary>Path of the PEM private key (never in the repository; a mounted secret).</summary>
    public string? PrivateKeyPath { get; set; }

    public string Domain { get; set; } = "";

    public string Selector { get; set; } = "";
}
