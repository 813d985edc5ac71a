namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeAgendaItem
{
    public string Title { get; set; } = "";

    public string? Notes { get; set; }
}
