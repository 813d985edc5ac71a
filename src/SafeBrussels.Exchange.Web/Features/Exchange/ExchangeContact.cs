namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeContact
{
    public string? Name { get; set; }

    public string? Email { get; set; }
}
