namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangePractice
{
    public string ExternalId { get; set; } = "";

    public string Organization { get; set; } = "";

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string? Problem { get; set; }

    public string? Approach { get; set; }

    public string? Results { get; set; }

    public List<string>? TargetGroups { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Tlp { get; set; }

    public string? Status { get; set; }

    public string? Evidence { get; set; }

    public string? StartedOn { get; set; }

    public ExchangeContact? Contact { get; set; }

    public string? AdaptedFrom { get; set; }

    public ExchangeAdaptation? Adaptation { get; set; }

    public SortedDictionary<string, ExchangeTranslation>? Translations { get; set; }
}
