namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed class TranslationInput
{
    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";
}
