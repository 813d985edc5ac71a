namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A concept of the search glossary as platform administrators maintain it (seeded from Features/Search/glossary.json).</summary>
public sealed class GlossaryEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Key { get; set; }

    /// <summary>The theme the concept belongs to, if any.</summary>
    public string? Theme { get; set; }

    public List<string> TermsFr { get; set; } = [];

    public List<string> TermsNl { get; set; } = [];

    public List<string> TermsEn { get; set; } = [];

    public DateTimeOffset UpdatedAt { get; set; }
}
