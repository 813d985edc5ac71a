namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeAdaptation
{
    public string? LocalContext { get; set; }

    public string? Changes { get; set; }
}
