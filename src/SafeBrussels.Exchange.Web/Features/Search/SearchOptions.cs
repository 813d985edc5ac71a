using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Configuration section <c>Search</c> (docs/configuration.md).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// What the query compiler keeps of PostgreSQL's answers (a word's stems, whether the records use it, a clause's
    /// reading), in entries; past it the least recently used give way. Enough for the words people type in a day.
    /// </summary>
    [Range(100, 10_000_000)]
    public int CompilerCacheEntries { get; set; } = 50_000;

    /// <summary>
    /// Where this instance keeps its search index, on local disk (a volume in deploy/docker and deploy/kubernetes).
    /// Empty: <c>.data/search-index</c> under the application's content root. Each instance has its own.
    /// </summary>
    public string IndexPath { get; set; } = "";

    /// <summary>How often the index looks for changes made by other instances (a save here is searchable at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:02")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
