namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A priority theme of the exchange; themes form a tree (street harassment sits under intrafamily violence).</summary>
public sealed class Theme
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Stable key used by filters, the exchange format and the API (e.g. <c>street-harassment</c>).</summary>
    public required string Key { get; set; }

    public Guid? ParentId { get; set; }

    public Theme? Parent { get; set; }

    public required string LabelFr { get; set; }

    public required string LabelNl { get; set; }

    public required string LabelEn { get; set; }

    public string DescriptionFr { get; set; } = "";

    public string DescriptionNl { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    /// <summary>A retired theme stays on old records and is no longer offered for new ones.</summary>
    public bool IsRetired { get; set; }

    public int SortOrder { get; set; }

    public string Label(string language) => language switch
    {
        "fr" => LabelFr,
        "nl" => LabelNl,
        _ => LabelEn,
    };

    public string Description(string language) => language switch
    {
        "fr" => DescriptionFr,
        "nl" => DescriptionNl,
        _ => DescriptionEn,
    };
}
