using System.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Search.Analysis;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// Keeps this instance's index following PostgreSQL (docs/search.md). Every write to what the index holds adds a row
/// to <c>search_changes</c> in the writing transaction, with the transaction's id. The index's position is the oldest
/// transaction still running when it last read: each read takes the rows of that transaction and later ones, so a
/// change is never missed, whatever order transactions commit in; rows already applied are skipped, and applying one
/// again would only write the same document. On start, an index that is missing, damaged, or made with another
/// glossary is rebuilt from PostgreSQL; a glossary edit rebuilds it in the background, searches using the old one
/// until the new one is complete.
/// </summary>
public sealed class SearchIndexer(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    GlossaryStore glossaries,
    IOptions<SearchOptions> options,
    IHostEnvironment environment,
    ILogger<SearchIndexer> logger) : BackgroundService
{
    /// <summary>The kind of change row that asks every instance to rebuild its index (<c>search reindex</c>).</summary>
    public const string RebuildRequest = "all";

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly SemaphoreSlim _rebuildGate = new(1, 1);
    private Task? _rebuild;
    private CancellationToken _stopping;
    private readonly Lock _readState = new();
    private LuceneSearchEngine? _engine;
    private Glossary? _glossarySeen;

    // Where the last read stood: the oldest transaction then running (the position committed with the index, from
    // which a restart reads again), the highest change row it saw, and the transactions then running. A row the next
    // read has not seen is either beyond that highest row, or written by one of those transactions (committed since).
    private string? _position;
    private long _highest = -1;
    private string[] _running = [];

    /// <summary>Completes once the index has caught up with PostgreSQL after start (<c>/health/ready</c> waits for it).</summary>
    public Task Ready => _ready.Task;

    /// <summary>The engine, once ready, caught up with every change committed before this call.</summary>
    public async Task<ISearchEngine> CurrentAsync(CancellationToken cancellationToken)
    {
        await Ready.WaitAsync(cancellationToken);
        if (await HasNewChangesAsync(cancellationToken))
        {
            await CatchUpAsync(cancellationToken);
        }

        return _engine!;
    }

    /// <summary>
    /// Rebuilds the index from PostgreSQL now, with the glossary as it is (the verb <c>search reindex</c>, a glossary
    /// edit), into a folder of its own: searches and changes go on with the current index until the new one replaces it.
    /// </summary>
    public async Task RebuildAsync(CancellationToken cancellationToken)
    {
        await _rebuildGate.WaitAsync(cancellationToken);
        try
        {
            var analysis = new ConceptAnalysis((await glossaries.GetAsync(cancellationToken)).Concepts);
            var engine = await OpenAsync(analysis, fresh: true, cancellationToken);
            Snapshot position;
            try
            {
                position = await BuildAsync(engine, cancellationToken);
            }
            catch
            {
                Discard(engine);
                throw;
            }

            await _gate.WaitAsync(cancellationToken);
            try
            {
                Swap(engine);
                // The changes that committed after the rebuild's snapshot are read next (applying one twice writes the same document).
                lock (_readState)
                {
                    _highest = -1;
                }

                Remember(position, -1);
            }
            finally
            {
                _gate.Release();
            }
        }
        finally
        {
            _rebuildGate.Release();
        }

        await CatchUpAsync(cancellationToken);
    }

    /// <summary>Starts <see cref="RebuildAsync"/> in the background unless one is running; its failure is logged and tried again later.</summary>
    private void RebuildInBackground(string why, CancellationToken cancellationToken)
    {
        if (_rebuild is { IsCompleted: false })
        {
            return;
        }

        logger.LogInformation("Rebuilding the search index: {Why}", why);
        _rebuild = Task.Run(async () =>
        {
            try
            {
                await RebuildAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The search index could not be rebuilt ({Why})", why);
                _glossarySeen = null;
            }
        }, cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        _stopping = stoppingToken;
        // Until the index is open and caught up, the instance is not ready; a database not yet migrated is waited for.
        for (var attempt = 1; !stoppingToken.IsCancellationRequested; attempt++)
        {
            LuceneSearchEngine? engine = null;
            try
            {
                var analysis = new ConceptAnalysis((await glossaries.GetAsync(stoppingToken)).Concepts);
                engine = await OpenAsync(analysis, fresh: false, stoppingToken);
                if (engine.Position is null)
                {
                    Remember(await BuildAsync(engine, stoppingToken), -1);
                }

                Swap(engine);
                await CatchUpAsync(stoppingToken);
                _ready.TrySetResult();
                break;
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                _ready.TrySetCanceled(stoppingToken);
                return;
            }
            catch (Exception exception)
            {
                if (engine is not null && !ReferenceEquals(engine, _engine))
                {
                    engine.Dispose();
                }

                logger.LogWarning(exception, "The search index could not be opened or rebuilt (attempt {Attempt}); it tries again", attempt);
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt)), stoppingToken);
            }
        }

        using var timer = new PeriodicTimer(options.Value.ChangePollInterval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                // The glossary is read again at most a minute after another instance's edit, at once after one here.
                var glossary = await glossaries.GetAsync(stoppingToken);
                if (!ReferenceEquals(glossary, _glossarySeen))
                {
                    _glossarySeen = glossary;
                    if (ConceptAnalysis.VersionOf(glossary.Concepts) != _engine!.Analysis.Version)
                    {
                        RebuildInBackground("the glossary changed", stoppingToken);
                    }
                }

                if (await HasNewChangesAsync(stoppingToken))
                {
                    await CatchUpAsync(stoppingToken);
                }

                _engine!.CommitIfDue();
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "The search index could not follow the latest changes; it tries again");
            }
        }
    }

    public override void Dispose()
    {
        _engine?.Dispose();
        _gate.Dispose();
        _rebuildGate.Dispose();
        base.Dispose();
    }

    /// <summary>
    /// The index of this analysis, following this database (its epoch, a migration's random number, and its name):
    /// the newest folder made with this analysis, or, when <paramref name="fresh"/> or there is none, a new folder
    /// (<c>{analysis}.{time}</c>) under <c>Search:IndexPath</c>. Folders of other analyses are removed on start.
    /// </summary>
    private async Task<LuceneSearchEngine> OpenAsync(ConceptAnalysis analysis, bool fresh, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            "SELECT (SELECT epoch::text FROM search_epoch LIMIT 1) || '/' || current_database()", (NpgsqlConnection)db.Database.GetDbConnection());
        var source = (string)(await command.ExecuteScalarAsync(cancellationToken))!;
        var root = string.IsNullOrWhiteSpace(options.Value.IndexPath)
            ? Path.Combine(environment.ContentRootPath, ".data", "search-index", db.Database.GetDbConnection().Database)
            : options.Value.IndexPath;
        Directory.CreateDirectory(root);
        var existing = new DirectoryInfo(root).GetDirectories($"{analysis.Version}.*").OrderByDescending(d => d.Name, StringComparer.Ordinal).FirstOrDefault();
        if (!fresh)
        {
            foreach (var stale in new DirectoryInfo(root).GetDirectories().Where(d => d.FullName != existing?.FullName))
            {
                TryDelete(stale.FullName);
            }
        }

        var folder = !fresh && existing is not null
            ? existing.FullName
            : Path.Combine(root, $"{analysis.Version}.{DateTime.UtcNow:yyyyMMddHHmmssfff}");
        return new LuceneSearchEngine(folder, analysis, source);
    }

    /// <summary>Closes an index that replaced nothing (a rebuild that failed) and removes its folder.</summary>
    private static void Discard(LuceneSearchEngine engine)
    {
        var folder = engine.Folder;
        engine.Dispose();
        TryDelete(folder);
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }

    private void Swap(LuceneSearchEngine engine)
    {
        var previous = Interlocked.Exchange(ref _engine, engine);
        if (previous is null || ReferenceEquals(previous, engine))
        {
            return;
        }

        // Searches that took the previous index finish with it; it is closed, then removed, a little later.
        var folder = previous.Folder;
        _ = Task.Delay(TimeSpan.FromSeconds(30)).ContinueWith(_ =>
        {
            previous.Dispose();
            TryDelete(folder);
        }, TaskScheduler.Default);
    }

    /// <summary>Whether a change row has committed that the last read did not return (one look at two indexes).</summary>
    private async Task<bool> HasNewChangesAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var (condition, bind) = Unread();
        await using var command = new NpgsqlCommand(
            $"SELECT EXISTS (SELECT 1 FROM search_changes WHERE {condition})", (NpgsqlConnection)db.Database.GetDbConnection());
        bind(command.Parameters);
        return (bool)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    private string From => Volatile.Read(ref _position) ?? _engine?.Position ?? "0";

    /// <summary>The rows not read yet: beyond the highest seen, or of a transaction running at the last read; all rows from the position after a start.</summary>
    private (string Condition, Action<NpgsqlParameterCollection> Bind) Unread()
    {
        lock (_readState)
        {
            if (_highest < 0)
            {
                var from = From;
                return ("transaction_id >= @from::xid8", p => p.AddWithValue("from", from));
            }

            var (highest, running) = (_highest, _running);
            return ("(sequence > @highest OR transaction_id = ANY(@running::xid8[]))", p =>
            {
                p.AddWithValue("highest", highest);
                p.AddWithValue("running", running);
            });
        }
    }

    private void Remember(Snapshot snapshot, long highest)
    {
        lock (_readState)
        {
            Volatile.Write(ref _position, snapshot.Oldest);
            _highest = Math.Max(_highest, Math.Max(highest, snapshot.Highest));
            _running = snapshot.Running;
        }
    }

    /// <summary>Fills <paramref name="engine"/> with every record as PostgreSQL holds it; answers the position it is made as of.</summary>
    private async Task<Snapshot> BuildAsync(LuceneSearchEngine engine, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        // The position is taken before reading: what commits meanwhile is read again afterwards.
        var position = await SnapshotAsync((NpgsqlConnection)db.Database.GetDbConnection(), cancellationToken);
        var reader = await SearchDocumentReader.CreateAsync(db, cancellationToken);
        await engine.RebuildAsync(AllAsync(reader, cancellationToken), position.Oldest, cancellationToken);
        logger.LogInformation("Search index rebuilt in {Seconds:0.0} s", started.Elapsed.TotalSeconds);
        return position;
    }

    private async IAsyncEnumerable<IReadOnlyList<SearchDocument>> AllAsync(SearchDocumentReader reader, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        foreach (var kind in new[] { SearchTypes.Practice, SearchTypes.Meeting, SearchTypes.Comment })
        {
            Guid? after = null;
            while (true)
            {
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                var batch = kind switch
                {
                    SearchTypes.Practice => await reader.PracticesAsync(db, null, after, cancellationToken),
                    SearchTypes.Meeting => await reader.MeetingsAsync(db, null, after, cancellationToken),
                    _ => await reader.CommentsAsync(db, null, after, cancellationToken),
                };
                if (reader.LastRead is not { } last)
                {
                    break;
                }

                yield return batch;
                after = last;
            }
        }
    }

    /// <summary>Applies the changes committed since the index's position.</summary>
    private async Task CatchUpAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var engine = _engine!;
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = (NpgsqlConnection)db.Database.GetDbConnection();
            List<(long Sequence, string Type, Guid Id)> changes = [];
            Snapshot snapshot;
            // One snapshot for the position and the rows, so no row committed in between is taken for read.
            await using (var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken))
            {
                snapshot = await SnapshotAsync(connection, cancellationToken);
                var (condition, bind) = Unread();
                await using var command = new NpgsqlCommand(
                    $"SELECT sequence, record_type, record_id FROM search_changes WHERE {condition} ORDER BY sequence", connection);
                bind(command.Parameters);
                await using var rows = await command.ExecuteReaderAsync(cancellationToken);
                while (await rows.ReadAsync(cancellationToken))
                {
                    changes.Add((rows.GetInt64(0), rows.GetString(1), rows.GetGuid(2)));
                }
            }

            var fresh = changes;

            // "search reindex": the whole index is made again, in the background, from the records as they are then.
            if (fresh.Any(c => c.Type == RebuildRequest))
            {
                RebuildInBackground("search reindex", _stopping);
                fresh = [.. fresh.Where(c => c.Type != RebuildRequest)];
            }

            // The index is written (and its position committed) only when something changed: the position alone
            // moves with every transaction of the database, and is kept in memory until then.
            if (fresh.Count > 0)
            {
                // In chunks, so that a large import is never all in memory; only the last carries the new position (a
                // commit in between keeps the old one, and a crash then reads the rest again).
                // The next chunk is read from PostgreSQL while this one is analysed.
                var chunks = fresh.DistinctBy(c => (c.Type, c.Id)).Chunk(SearchDocumentReader.BatchSize).ToList();
                var from = From;
                // Themes and their lineage are read once for the whole catch-up.
                var reader = await SearchDocumentReader.CreateAsync(db, cancellationToken);
                var next = ReadAsync(db, reader, [.. chunks[0].Select(c => (c.Type, c.Id))], cancellationToken);
                for (var i = 0; i < chunks.Count; i++)
                {
                    var (documents, removed) = await next;
                    var last = i == chunks.Count - 1;
                    if (!last)
                    {
                        next = ReadAsync(db, reader, [.. chunks[i + 1].Select(c => (c.Type, c.Id))], cancellationToken);
                    }

                    engine.Apply(documents, removed, last ? snapshot.Oldest : from, refresh: last);
                }
            }

            Remember(snapshot, changes.Count > 0 ? changes[^1].Sequence : -1);
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task<(List<SearchDocument> Documents, List<string> Removed)> ReadAsync(
        ExchangeDbContext db, SearchDocumentReader reader, List<(string Type, Guid Id)> changes, CancellationToken cancellationToken)
    {
        var practices = changes.Where(c => c.Type == SearchTypes.Practice).Select(c => c.Id).ToHashSet();
        var meetings = changes.Where(c => c.Type == SearchTypes.Meeting).Select(c => c.Id).ToHashSet();
        var comments = changes.Where(c => c.Type == SearchTypes.Comment).Select(c => c.Id).ToHashSet();
        // A comment is seen by whoever sees its record: a record's change is its comments' change too.
        comments.UnionWith(await db.Comments.AsNoTracking()
            .Where(c => (c.PracticeId != null && practices.Contains(c.PracticeId.Value)) || (c.MeetingId != null && meetings.Contains(c.MeetingId.Value)))
            .Select(c => c.Id).ToListAsync(cancellationToken));

        var documents = new List<SearchDocument>();
        var removed = new List<string>();
        async Task ReadKind(string type, HashSet<Guid> ids, Func<ExchangeDbContext, IReadOnlyCollection<Guid>, Task<List<SearchDocument>>> read)
        {
            foreach (var chunk in ids.Chunk(SearchDocumentReader.BatchSize))
            {
                var found = await read(db, chunk);
                documents.AddRange(found);
                var present = found.Select(d => d.Id).ToHashSet();
                removed.AddRange(chunk.Where(id => !present.Contains(id)).Select(id => SearchDocument.KeyOf(type, id)));
            }
        }

        await ReadKind(SearchTypes.Practice, practices, (d, ids) => reader.PracticesAsync(d, ids, null, cancellationToken));
        await ReadKind(SearchTypes.Meeting, meetings, (d, ids) => reader.MeetingsAsync(d, ids, null, cancellationToken));
        await ReadKind(SearchTypes.Comment, comments, (d, ids) => reader.CommentsAsync(d, ids, null, cancellationToken));
        return (documents, removed);
    }

    /// <summary>
    /// The database now: the oldest transaction still running (every older one has ended, committed or not), those
    /// running, and the highest change row visible.
    /// </summary>
    private static async Task<Snapshot> SnapshotAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            """
            SELECT pg_snapshot_xmin(s)::text, ARRAY(SELECT x::text FROM pg_snapshot_xip(s) x), (SELECT coalesce(max(sequence), 0) FROM search_changes)
            FROM pg_current_snapshot() s
            """,
            connection);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        return new Snapshot(reader.GetString(0), reader.GetFieldValue<string[]>(1), reader.GetInt64(2));
    }

    /// <summary>Where a read of the change sequence stood.</summary>
    private sealed record Snapshot(string Oldest, string[] Running, long Highest);
}
