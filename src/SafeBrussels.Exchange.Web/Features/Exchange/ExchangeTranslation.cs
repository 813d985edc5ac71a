namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeTranslation
{
    public string? Title { get; set; }

    public string? Summary { get; set; }
}
