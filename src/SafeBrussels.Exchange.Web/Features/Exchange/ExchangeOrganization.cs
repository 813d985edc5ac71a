namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeOrganization
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string? City { get; set; }

    public string? Country { get; set; }

    public List<string>? Languages { get; set; }
}
