namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeActionItem
{
    public string Title { get; set; } = "";

    public string? Owner { get; set; }

    public string? Due { get; set; }
}
