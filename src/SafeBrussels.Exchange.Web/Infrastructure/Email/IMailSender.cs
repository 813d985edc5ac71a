namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

public interface IMailSender
{
    Task SendAsync(MailContent message, CancellationToken cancellationToken = default);
}
