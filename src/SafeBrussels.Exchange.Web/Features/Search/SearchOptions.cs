using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Configuration section <c>Search</c> (docs/configuration.md).</summary>
public sealed class SearchOptions
{
    public const string SectionName = "Search";

    /// <summary>
    /// Where this instance keeps its search index, on local disk (a volume in deploy/docker and deploy/kubernetes).
    /// Empty: <c>.data/search-index</c> under the application's content root. Each instance has its own.
    /// </summary>
    public string IndexPath { get; set; } = "";

    /// <summary>How often the index looks for changes made by other instances (a save here is searchable at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:02")]
    public TimeSpan ChangePollInterval { get; set; } = TimeSpan.FromMilliseconds(250);
}
