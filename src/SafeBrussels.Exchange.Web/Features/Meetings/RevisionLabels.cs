namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Names for what a snapshot holds as keys or ids, in the reader's language.</summary>
public sealed record RevisionLabels(
    IReadOnlyDictionary<string, string> Themes,
    IReadOnlyDictionary<Guid, string> Organizations,
    Func<Data.MeetingMode, string> Mode)
{
    /// <summary>A theme's label; a key no longer known (never expected: retired themes keep their labels) reads as "—".</summary>
    public string Theme(string key) => Themes.GetValueOrDefault(key, "—");

    public string Organization(Guid id) => Organizations.GetValueOrDefault(id, "—");
}
