namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

public enum SmtpTlsMode
{
    None,
    StartTls,
    StartTlsWhenAvailable,
    SslOnConnect,
}
