namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// The seam between the application and its search engine (Lucene.NET in process today): index changes, search,
/// rebuild. PostgreSQL stays the system of record and the authority on who may see what; an engine only answers which
/// records match, in what order, with what total and facets.
/// </summary>
public interface ISearchEngine
{
    /// <summary>Where the engine is in the change sequence (null: it holds nothing, or was made with another analysis, and must be rebuilt).</summary>
    string? Position { get; }

    /// <summary>
    /// Writes these documents (replacing any with the same key) and removes those keys, as of <paramref name="position"/>,
    /// and makes them searchable unless <paramref name="refresh"/> is false (more chunks of the same change follow).
    /// </summary>
    void Apply(IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedKeys, string position, bool refresh = true);

    /// <summary>Replaces everything with these documents, as of <paramref name="position"/>; searches see the old index until the new one is complete.</summary>
    Task RebuildAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, string position, CancellationToken cancellationToken);

    EngineResult Search(EngineQuery query);

    /// <summary>What the query looks for, as the index reads it, to mark in snippets.</summary>
    ISet<string> Terms(string? text);

    /// <summary>An excerpt of <paramref name="text"/> with the <paramref name="terms"/> it holds marked (<see cref="Snippets"/>).</summary>
    string Snippet(string text, string language, ISet<string> terms);
}
