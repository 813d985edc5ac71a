using System.Globalization;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using SafeBrussels.Exchange.Web.Features.Search.Analysis;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// The search index in process, on local disk: Lucene.NET, with the glossary's concepts stored as tokens at index time
/// (<see cref="ConceptAnalysis"/>), who may see each record as tokens, and exact totals and facets counted in one pass
/// over the reader's matches. Each commit records the change-sequence position it holds and the analysis it was made
/// with; an index of another analysis reports no position, so it is rebuilt.
/// </summary>
public sealed class LuceneSearchEngine : ISearchEngine, IDisposable
{
    private const string PositionKey = "position";
    private const string AnalysisKey = "analysis";
    private const string SourceKey = "source";

    private readonly FSDirectory _directory;
    private readonly IndexWriter _writer;
    private readonly SearcherManager _searchers;
    private readonly ConceptAnalysis _analysis;
    private readonly string _source;
    private readonly EngineQueryBuilder _queries;
    private readonly Snippets _snippets;
    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private string? _position;
    private string? _pending;
    private DateTime _committedAt = DateTime.UtcNow;

    /// <param name="path">The index's folder.</param>
    /// <param name="analysis">The analysis the index is made with.</param>
    /// <param name="source">Which database the index follows: an index of another one reports no position.</param>
    public LuceneSearchEngine(string path, ConceptAnalysis analysis, string source)
    {
        _analysis = analysis;
        _source = source;
        Folder = path;
        _queries = new EngineQueryBuilder(analysis);
        _snippets = new Snippets(_queries);
        System.IO.Directory.CreateDirectory(path);
        _directory = FSDirectory.Open(new DirectoryInfo(path));
        var commit = ReadCommitData(_directory);
        _position = commit is not null
            && commit.TryGetValue(AnalysisKey, out var made) && made == analysis.Version
            && commit.TryGetValue(SourceKey, out var from) && from == source
            && commit.TryGetValue(PositionKey, out var position) ? position : null;
        var config = new IndexWriterConfig(LanguageChainVersion, analysis.Analyzer)
        {
            // An index made with another analysis, or none, is started again (and rebuilt by the indexer).
            OpenMode = _position is null ? OpenMode.CREATE : OpenMode.APPEND,
            Similarity = new ExchangeSimilarity(),
            // Fewer, larger segments from a rebuild or a large import: fewer to visit per search.
            RAMBufferSizeMB = 64,
        };
        _writer = new IndexWriter(_directory, config);
        _searchers = new SearcherManager(_writer, true, new ExchangeSearcherFactory());
    }

    private static Lucene.Net.Util.LuceneVersion LanguageChainVersion => LanguageChain.Version;

    private static readonly ParallelOptions Parallelism = new() { MaxDegreeOfParallelism = Environment.ProcessorCount };

    public string? Position => Volatile.Read(ref _position);

    /// <summary>The index's folder on local disk.</summary>
    public string Folder { get; }

    /// <summary>The analysis the index is made with.</summary>
    public ConceptAnalysis Analysis => _analysis;

    /// <summary>
    /// Writes the documents and makes them searchable at once (near-real-time, from the writer's memory). They reach the
    /// disk with the position at the next commit, at most <see cref="CommitInterval"/> later (<see cref="CommitIfDue"/>):
    /// after a crash the index reopens at the last committed position and reads the changes since then again.
    /// </summary>
    public void Apply(IReadOnlyList<SearchDocument> documents, IReadOnlyList<string> removedKeys, string position, bool refresh = true)
    {
        _writeLock.Wait();
        try
        {
            foreach (var key in removedKeys)
            {
                _writer.DeleteDocuments(new Term(IndexFields.Key, key));
            }

            // Analysis is the costly part: documents are analysed on every core (the writer takes them concurrently).
            Parallel.ForEach(documents, Parallelism, document => _writer.UpdateDocument(new Term(IndexFields.Key, document.Key), ToLucene(document)));

            _pending = position;
            Volatile.Write(ref _position, position);
        }
        finally
        {
            _writeLock.Release();
        }

        if (refresh)
        {
            _searchers.MaybeRefreshBlocking();
        }

        CommitIfDue();
    }

    /// <summary>How long applied changes may wait in memory before they are committed to disk with their position.</summary>
    public static readonly TimeSpan CommitInterval = TimeSpan.FromSeconds(2);

    /// <summary>Commits the changes applied since the last commit, when the last one is <see cref="CommitInterval"/> old.</summary>
    public void CommitIfDue()
    {
        if (_pending is null || DateTime.UtcNow - _committedAt < CommitInterval || !_writeLock.Wait(0))
        {
            return;
        }

        try
        {
            if (_pending is { } position)
            {
                Commit(position);
            }
        }
        finally
        {
            _writeLock.Release();
        }
    }

    public async Task RebuildAsync(IAsyncEnumerable<IReadOnlyList<SearchDocument>> batches, string position, CancellationToken cancellationToken)
    {
        // Into an index of its own (a new folder, or one that holds nothing yet): searches use the previous one meanwhile.
        await _writeLock.WaitAsync(cancellationToken);
        try
        {
            _writer.DeleteAll();
            // The next batch is read from PostgreSQL while this one is analysed, on every core.
            await using var batch = batches.GetAsyncEnumerator(cancellationToken);
            var next = batch.MoveNextAsync();
            while (await next)
            {
                var documents = batch.Current;
                next = batch.MoveNextAsync();
                Parallel.ForEach(documents, Parallelism, document => _writer.AddDocument(ToLucene(document)));
            }

            Commit(position);
        }
        finally
        {
            _writeLock.Release();
        }

        _searchers.MaybeRefreshBlocking();
    }

    public EngineResult Search(EngineQuery query)
    {
        var searcher = _searchers.Acquire();
        try
        {
            var reader = searcher.IndexReader;
            if (_queries.Build(query.Text, term => reader.DocFreq(term) > 0) is not { } main)
            {
                return EngineResult.Empty;
            }

            var filter = FilterOf(query);
            var top = query.ByDate
                ? new Sort(new SortField(IndexFields.Date, SortFieldType.INT64, true), SortField.FIELD_SCORE)
                : new Sort(SortField.FIELD_SCORE, new SortField(IndexFields.Date, SortFieldType.INT64, true));
            var wanted = Math.Max(1, query.Offset + query.Count);
            var collector = TopFieldCollector.Create(top, wanted, true, true, false, false);
            var facets = new FacetCollector(collector);
            searcher.Search(main, filter, facets);
            var docs = collector.GetTopDocs(query.Offset, query.Count).ScoreDocs;
            var hits = new List<EngineHit>(docs.Length);
            foreach (var doc in docs)
            {
                var key = searcher.Doc(doc.Doc).Get(IndexFields.Key);
                var colon = key.IndexOf(':', StringComparison.Ordinal);
                hits.Add(new EngineHit(key[..colon], Guid.ParseExact(key[(colon + 1)..], "N"), doc.Score));
            }

            return new EngineResult(facets.Total, hits, facets.Counts());
        }
        finally
        {
            _searchers.Release(searcher);
        }
    }

    public ISet<string> Terms(string? text) => _queries.Terms(text);

    public string Snippet(string text, string language, ISet<string> terms) => _snippets.Make(text, language, terms);

    /// <summary>
    /// The records the reader may see (a token of each audience), narrowed by the search's filters. The part that
    /// depends on the reader alone is cached per set of tokens, per segment (<see cref="CachingWrapperFilter"/>), for
    /// the readers seen lately.
    /// </summary>
    private Filter FilterOf(EngineQuery query)
    {
        var key = string.Join('|', query.Reader);
        var audience = _audiences.GetOrAdd(key, _ => new CachingWrapperFilter(new QueryWrapperFilter(new BooleanQuery
        {
            { AnyOf(IndexFields.Audience, query.Reader), Occur.MUST },
            { AnyOf(IndexFields.WrittenFor, query.Reader), Occur.MUST },
        })));
        if (_audiences.Count > MaxCachedAudiences)
        {
            _audiences.Clear();
        }

        var narrowing = new BooleanQuery();
        void Require(string field, string? value)
        {
            if (value is not null)
            {
                narrowing.Add(new TermQuery(new Term(field, value)), Occur.MUST);
            }
        }

        Require(IndexFields.Type, query.Type);
        Require(IndexFields.Theme, query.Theme);
        Require(IndexFields.Organization, query.Organization?.ToString("N"));
        Require(IndexFields.Language, query.Language);
        Require(IndexFields.Year, query.Year?.ToString(CultureInfo.InvariantCulture));
        if (narrowing.Clauses.Count == 0)
        {
            return audience;
        }

        narrowing.Add(new ConstantScoreQuery(audience), Occur.MUST);
        return new QueryWrapperFilter(narrowing);
    }

    /// <summary>Readers whose filter is kept; past it the cache starts again (a few KB a segment per reader).</summary>
    public const int MaxCachedAudiences = 1000;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, CachingWrapperFilter> _audiences = new(StringComparer.Ordinal);

    private static BooleanQuery AnyOf(string field, IEnumerable<string> values)
    {
        var any = new BooleanQuery();
        foreach (var value in values)
        {
            any.Add(new TermQuery(new Term(field, value)), Occur.SHOULD);
        }

        return any;
    }

    private Document ToLucene(SearchDocument record)
    {
        var document = new Document
        {
            new StringField(IndexFields.Key, record.Key, Field.Store.YES),
            new NumericDocValuesField(IndexFields.Date, record.Date.UtcTicks),
        };
        void Facet(string field, string value)
        {
            document.Add(new StringField(field, value, Field.Store.NO));
            document.Add(new SortedDocValuesField(field, new Lucene.Net.Util.BytesRef(value)));
        }

        Facet(IndexFields.Type, record.Type);
        Facet(IndexFields.Language, record.Language);
        Facet(IndexFields.Organization, record.OrganizationId.ToString("N"));
        Facet(IndexFields.Year, record.Date.UtcDateTime.Year.ToString(CultureInfo.InvariantCulture));
        foreach (var theme in record.Themes)
        {
            document.Add(new StringField(IndexFields.Theme, theme, Field.Store.NO));
            document.Add(new SortedSetDocValuesField(IndexFields.Theme, new Lucene.Net.Util.BytesRef(theme)));
        }

        foreach (var token in record.Audience)
        {
            document.Add(new StringField(IndexFields.Audience, token, Field.Store.NO));
        }

        foreach (var token in record.WrittenFor)
        {
            document.Add(new StringField(IndexFields.WrittenFor, token, Field.Store.NO));
        }

        foreach (var concept in _analysis.Near(record.Texts.Where(t => t.Part != SearchParts.Themes).Select(t => (t.Language, t.Text))))
        {
            document.Add(new StringField(IndexFields.Near, concept, Field.Store.NO));
        }

        // All of a record's text, by language, in one field; its titles also in a field of their own, which counts more.
        foreach (var text in record.Texts.Where(t => !string.IsNullOrWhiteSpace(t.Text)))
        {
            document.Add(new TextField(ConceptAnalyzer.FieldOf(text.Language), text.Text, Field.Store.NO));
            if (text.Part == SearchParts.Title)
            {
                document.Add(new TextField(ConceptAnalyzer.FieldOf(text.Language, IndexFields.Title), text.Text, Field.Store.NO));
            }
        }

        return document;
    }

    private void Commit(string position)
    {
        _writer.SetCommitData(new Dictionary<string, string> { [PositionKey] = position, [AnalysisKey] = _analysis.Version, [SourceKey] = _source });
        _writer.Commit();
        _pending = null;
        _committedAt = DateTime.UtcNow;
        Volatile.Write(ref _position, position);
    }

    private static IDictionary<string, string>? ReadCommitData(Lucene.Net.Store.Directory directory)
    {
        try
        {
            if (!DirectoryReader.IndexExists(directory))
            {
                return null;
            }

            var infos = new SegmentInfos();
            infos.Read(directory);
            return infos.UserData;
        }
        catch (IOException)
        {
            // A damaged index is started again from PostgreSQL.
            return null;
        }
    }

    public void Dispose()
    {
        if (_pending is { } position)
        {
            Commit(position);
        }

        _searchers.Dispose();
        _writer.Dispose();
        _directory.Dispose();
        _writeLock.Dispose();
    }

    private sealed class ExchangeSearcherFactory : SearcherFactory
    {
        public override IndexSearcher NewSearcher(IndexReader reader) => new(reader) { Similarity = new ExchangeSimilarity() };
    }
}
