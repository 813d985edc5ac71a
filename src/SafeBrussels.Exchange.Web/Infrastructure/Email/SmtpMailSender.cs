using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;
using SafeBrussels.Exchange.Web.Infrastructure.Text;

namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

/// <summary>Sends mail over SMTP with MailKit, as multipart/alternative (text + HTML).</summary>
internal sealed class SmtpMailSender(IOptions<EmailOptions> options, ILogger<SmtpMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailContent message, CancellationToken cancellationToken = default)
    {
        var settings = options.Value;
        var mime = ToMime(message, settings);

        using var client = await ConnectAsync(settings, cancellationToken);
        await client.SendAsync(mime, cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
        // The subject may name sensitive content in later features: log only the message id.
        logger.LogInformation("Mail {MessageId} sent", mime.MessageId);
    }

    /// <summary>An open, authenticated connection to the configured relay (digests reuse one for a whole batch).</summary>
    internal static async Task<SmtpClient> ConnectAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        var client = new SmtpClient { Timeout = settings.Smtp.TimeoutSeconds * 1000 };
        try
        {
            await client.ConnectAsync(await OpenSocketAsync(settings.Smtp.Host, settings.Smtp.Port, cancellationToken),
                settings.Smtp.Host, settings.Smtp.Port, ToSocketOptions(settings.Smtp.TlsMode), cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }

            return client;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    /// <summary>
    /// A connected socket with TCP_NODELAY: SMTP is a conversation of small writes, and Nagle's algorithm would hold
    /// the end of each message until the relay's delayed acknowledgement (~40 ms a message on a batch).
    /// </summary>
    internal static async Task<System.Net.Sockets.Socket> OpenSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(host, port, cancellationToken);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    internal static MimeMessage ToMime(MailContent message, EmailOptions settings)
    {
        var mime = new MimeMessage();
        mime.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        // Mail cannot hold most control characters (text stored before the input rule may still have one).
        mime.To.Add(new MailboxAddress(ControlCharacters.Clean(message.ToName ?? ""), message.ToAddress));
        mime.Subject = ControlCharacters.Clean(message.Subject);
        mime.Headers.Add(HeaderId.ContentLanguage, message.Language);
        mime.Headers.Add("Auto-Submitted", "auto-generated");
        var body = new BodyBuilder { TextBody = ControlCharacters.Clean(message.Text), HtmlBody = ControlCharacters.Clean(message.Html) };
        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static SecureSocketOptions ToSocketOptions(SmtpTlsMode mode) => mode switch
    {
        SmtpTlsMode.None => SecureSocketOptions.None,
        SmtpTlsMode.StartTls => SecureSocketOptions.StartTls,
        SmtpTlsMode.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.StartTlsWhenAvailable,
    };
}
