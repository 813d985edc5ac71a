namespace SafeBrussels.Exchange.Web.Features.Themes;

/// <summary>A theme as a platform administrator edits it: labels and descriptions in the three languages.</summary>
public sealed class ThemeInput
{
    public string Key { get; set; } = "";

    public string? ParentKey { get; set; }

    public string LabelFr { get; set; } = "";

    public string LabelNl { get; set; } = "";

    public string LabelEn { get; set; } = "";

    public string DescriptionFr { get; set; } = "";

    public string DescriptionNl { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    public bool IsRetired { get; set; }
}
