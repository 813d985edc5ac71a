namespace SafeBrussels.Exchange.Web.Data;

public enum DigestOutcome
{
    /// <summary>Handed to the SMTP server.</summary>
    Sent,

    /// <summary>Nothing new for the member: no email.</summary>
    Empty,

    /// <summary>The server refused the recipient permanently (5xx): not retried.</summary>
    Refused,
}
