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
}
