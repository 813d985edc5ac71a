using System.Data.Common;
using System.Diagnostics;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Npgsql;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// Digests at scale: the generated corpus (its records spread over five years, as a platform accumulates them),
/// members of the corpus' organizations with realistic follows, one digest run through the scheduler and the
/// sender to a loopback SMTP server, then MailKit alone sending the same pre-built messages to the same server.
/// </summary>
internal static class DigestBenchmarkCommand
{
    private const string Domain = "bench.example";

    public static async Task<int> RunAsync(string[] args)
    {
        var practices = BenchmarkCommand.Option(args, "--practices", 100_000);
        var meetings = BenchmarkCommand.Option(args, "--meetings", 100_000);
        var users = BenchmarkCommand.Option(args, "--users", 10_000);
        var reuse = BenchmarkCommand.Text(args, "--reuse");
        await using var database = reuse is null ? await TestDatabase.CreateAsync("digbench") : TestDatabase.Attach(reuse);
        database.Keep = reuse is not null || args.Contains("--keep");
        await using var smtp = new TestSmtpServer(keepMessages: false);
        var statements = new StatementCounter();
        await using var factory = new ExchangeAppFactory(database, smtp, environment: "Production", settings: new Dictionary<string, string?>
        {
            ["Logging:Console"] = "false",
            ["Digests:MessagesPerMinute"] = "0",
        });
        await using var app = factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.ConfigureDbContext<ExchangeDbContext>(options => options.AddInterceptors(statements))));

        // The weekly period measured: the one that ends next (Monday 08:00, Brussels). The corpus' five years end at it,
        // so that its window holds the generated week whatever the day the benchmark runs (on a Monday evening the
        // window from this morning held almost none of a five years that ended now).
        var period = DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow.AddDays(7))!.Value;
        if (reuse is null)
        {
            if (await BenchmarkCommand.LoadAsync(factory, database, practices, meetings) is null)
            {
                return 1;
            }

            await SpreadOverFiveYearsAsync(database, period);
        }

        await EnsureMembersAsync(database, users);
        await BenchmarkCommand.VacuumAsync(database);
        if (database.Keep)
        {
            Console.WriteLine($"The database {database.Name} is kept (--reuse {database.Name} measures it again).");
        }

        var scheduler = app.Services.GetRequiredService<DigestScheduler>();

        var batches = await scheduler.FindDueAsync(period.AddMinutes(1));

        // Each round: first, without sending, the same digests composed and built as messages; then MailKit alone sends
        // them over the same server, one connection per batch of 500, one batch after the other; then the run itself,
        // after the period's ledger is emptied. Building also warms the process (JIT, plans, caches), so that the run and
        // MailKit alone are compared warm; the ratio is taken within each round and its median reported, since on two
        // shared cores either figure alone moves by up to ±20 % from one minute to the next.
        var rounds = BenchmarkCommand.Option(args, "--rounds", 5);
        var recorded = 0;
        app.Services.GetRequiredService<DigestSender>().Delivered += _ => Interlocked.Increment(ref recorded);
        var results = new List<Round>();
        for (var round = 1; round <= rounds; round++)
        {
            await ForgetPeriodAsync(database, period);
            Composing = TimeSpan.Zero;
            var composingCpu = PostgresCpu();
            var building = Stopwatch.StartNew();
            var messages = await BuildMessagesAsync(app.Services, batches);
            building.Stop();
            composingCpu = PostgresCpu() - composingCpu;

            // Sent once: a second send of the same objects skips the encoding choices MailKit makes on the first (as the
            // run does for every message) and would flatter MailKit alone. Collected first, so that no pause lands in it.
            GC.Collect();
            GC.WaitForPendingFinalizers();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var sending = Stopwatch.StartNew();
            await SendWithMailKitAloneAsync(messages, smtp.Port);
            var mailkit = sending.Elapsed;
            var mailkitCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var sentAlone = messages.Count;
            messages.Clear();
            GC.Collect();
            GC.WaitForPendingFinalizers();

            recorded = 0;
            var receivedBefore = smtp.Count;
            statements.Reset();
            cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var databaseCpu = PostgresCpu();
            var run = Stopwatch.StartNew();
            using (var output = new StringWriter())
            using (var error = new StringWriter())
            {
                // The operator's verb, as the recurring job would run it.
                var exit = await ExchangeCli.RunAsync(app.Services, ["digests", "send-due", "--at", period.AddMinutes(1).ToString("O")], output, error);
                if (exit != 0)
                {
                    Console.Error.WriteLine(error);
                    return 1;
                }

                Console.WriteLine($"Round {round}: " + output.ToString().Trim());
            }

            run.Stop();
            var runCpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            databaseCpu = PostgresCpu() - databaseCpu;
            var received = smtp.Count - receivedBefore;
            if (received != sentAlone || recorded != sentAlone)
            {
                Console.Error.WriteLine($"Round {round}: the server received {received:N0} messages and the ledger recorded {recorded:N0}; MailKit alone sent {sentAlone:N0}.");
                return 1;
            }

            results.Add(new Round(run.Elapsed, mailkit, received));
            var perBatch = statements.Count / (double)Math.Max(1, batches.Count);
            Console.WriteLine($"  run {run.Elapsed.TotalSeconds:0.0} s ({received / run.Elapsed.TotalSeconds:0} messages/s, {runCpu.TotalSeconds:0.0} s of this process' CPU, {databaseCpu.TotalSeconds:0.0} s of PostgreSQL's); " +
                $"MailKit alone {mailkit.TotalSeconds:0.0} s ({sentAlone / mailkit.TotalSeconds:0} messages/s, {mailkitCpu.TotalSeconds:0.0} s CPU); ratio {run.Elapsed / mailkit:0.00}");
            Console.WriteLine($"  composing and building the same messages beforehand, without sending: {building.Elapsed.TotalSeconds:0.0} s, of which composing {Composing.TotalSeconds:0.0} s ({composingCpu.TotalSeconds:0.0} s of PostgreSQL's CPU)");
            Console.WriteLine($"  SQL statements through EF Core: {statements.Count:N0} in all, {perBatch:0.0} per batch; the ledger: one round trip per message sent ({recorded:N0}, each committing the previous message and claiming the next)");
            if (round == rounds)
            {
                Console.WriteLine("  statements of the run by time spent in them (count, total ms):");
                statements.Slowest.Take(8).ToList().ForEach(t => Console.WriteLine($"    {t.Count,6} {t.Ms,9:0} {t.Statement}"));
            }
        }

        var median = results.OrderBy(r => r.Run / r.MailKit).ElementAt(results.Count / 2);
        Console.WriteLine($"Digest run for {users:N0} members over {practices + meetings:N0} records (period ending {period:u}), {batches.Count} batches, {rounds} round(s):");
        Console.WriteLine($"  total {string.Join(", ", results.Select(r => $"{r.Run.TotalSeconds:0.0}"))} s; MailKit alone {string.Join(", ", results.Select(r => $"{r.MailKit.TotalSeconds:0.0}"))} s");
        Console.WriteLine($"  ratio digest run / MailKit alone: {string.Join(", ", results.Select(r => $"{r.Run / r.MailKit:0.00}"))}; median {median.Run / median.MailKit:0.00} (run {median.Run.TotalSeconds:0.0} s, {median.Received / median.Run.TotalSeconds:0} messages/s)");
        return 0;
    }

    private static async Task SendWithMailKitAloneAsync(IReadOnlyList<MimeMessage> messages, int port)
    {
        foreach (var chunk in messages.Chunk(500))
        {
            // Connected as the application connects (TCP_NODELAY), so that only the sending differs.
            using var client = new SmtpClient();
            var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", port);
            await client.ConnectAsync(socket, "127.0.0.1", port, SecureSocketOptions.None);
            foreach (var message in chunk)
            {
                await client.SendAsync(message);
            }

            await client.DisconnectAsync(quit: true);
        }
    }

    /// <summary>A platform's records accumulate over years: created and last updated anywhere in the last five.</summary>
    private static async Task SpreadOverFiveYearsAsync(TestDatabase database, DateTimeOffset end)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            """
            -- A change of dates only: the search index's change triggers stand aside (the digests do not search).
            SET LOCAL session_replication_role = replica;
            UPDATE practices SET created_at = @end - interval '1826 days' * (abs(hashtext(id::text)) / 2147483647.0),
                updated_at = @end - interval '1826 days' * (abs(hashtext(id::text)) / 2147483647.0) * (abs(hashtext(external_id)) / 2147483647.0);
            UPDATE meetings SET created_at = @end - interval '1826 days' * (abs(hashtext(id::text)) / 2147483647.0),
                updated_at = @end - interval '1826 days' * (abs(hashtext(id::text)) / 2147483647.0) * (abs(hashtext(external_id)) / 2147483647.0);
            """,
            connection,
            transaction) { CommandTimeout = 0 };
        // A minute before the period ends: its last record is inside the window (since, period].
        command.Parameters.AddWithValue("end", end.AddMinutes(-1).ToUniversalTime());
        await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Members of the corpus' organizations (ids and choices derived from their number, so the same on every run):
    /// each follows one to three themes, three in ten an organization, half of them three practices; digests weekly.
    /// </summary>
    private static async Task EnsureMembersAsync(TestDatabase database, int users)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
            DELETE FROM digest_deliveries;
            DELETE FROM users WHERE email LIKE '%@{Domain}';
            CREATE TEMP TABLE numbered_orgs AS SELECT id, row_number() OVER (ORDER BY key) - 1 AS n FROM organizations;
            CREATE TEMP TABLE numbered_practices AS SELECT id, row_number() OVER (ORDER BY id) - 1 AS n FROM practices;
            CREATE INDEX ON numbered_practices (n);
            INSERT INTO users (id, user_name, normalized_user_name, email, normalized_email, email_confirmed, security_stamp,
                concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count, display_name,
                organization_id, role, is_active, created_at, preferred_language, digest_frequency, digest_day, digest_hour)
            SELECT md5('member' || i)::uuid, 'member' || i || '@{Domain}', upper('member' || i || '@{Domain}'),
                'member' || i || '@{Domain}', upper('member' || i || '@{Domain}'), true, md5('s' || i), md5('c' || i), false, false, true, 0,
                'Member ' || i, o.id, CASE WHEN i % 10 = 0 THEN 'Contributor' ELSE 'Reader' END, true, now(),
                (ARRAY['fr', 'nl', 'en'])[1 + i % 3], 'Weekly', 'Monday', 8
            FROM generate_series(1, @users) i
            JOIN numbered_orgs o ON o.n = i % (SELECT count(*) FROM numbered_orgs);
            INSERT INTO follows (id, user_id, theme_id, created_at)
            SELECT gen_random_uuid(), u.id, t.id, now()
            FROM users u CROSS JOIN LATERAL (
                SELECT id FROM themes WHERE parent_id IS NULL ORDER BY md5(themes.id::text || u.id::text)
                LIMIT 1 + abs(hashtext(u.email)) % 3) t
            WHERE u.email LIKE '%@{Domain}';
            INSERT INTO follows (id, user_id, organization_id, created_at)
            SELECT gen_random_uuid(), u.id, o.id, now()
            FROM users u JOIN numbered_orgs o ON o.n = abs(hashtext(u.email || 'org')) % (SELECT count(*) FROM numbered_orgs)
            WHERE u.email LIKE '%@{Domain}' AND abs(hashtext(u.email || 'follows-org')) % 10 < 3;
            INSERT INTO follows (id, user_id, practice_id, created_at)
            SELECT DISTINCT ON (u.id, p.id) gen_random_uuid(), u.id, p.id, now()
            FROM users u CROSS JOIN generate_series(1, 3) k
            JOIN numbered_practices p ON p.n = abs(hashtext(u.email || k)) % (SELECT count(*) FROM numbered_practices)
            WHERE u.email LIKE '%@{Domain}' AND abs(hashtext(u.email || 'follows-practices')) % 2 = 0;
            """,
            connection) { CommandTimeout = 0 };
        command.Parameters.AddWithValue("users", users);
        await command.ExecuteNonQueryAsync();
    }

    private static TimeSpan Composing { get; set; }

    private sealed record Round(TimeSpan Run, TimeSpan MailKit, int Received);

    /// <summary>
    /// CPU time used so far by the PostgreSQL processes of this machine (the local cluster; its backends live as long as
    /// the pooled connections), from /proc; zero where there is none.
    /// </summary>
    private static TimeSpan PostgresCpu()
    {
        var ticks = 0L;
        foreach (var directory in Directory.Exists("/proc") ? Directory.EnumerateDirectories("/proc") : [])
        {
            try
            {
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var name = stat.IndexOf('(');
                var end = stat.LastIndexOf(')');
                if (name < 0 || end < 0 || stat[(name + 1)..end] != "postgres")
                {
                    continue;
                }

                // After the name: state is field 3, utime and stime fields 14 and 15.
                var fields = stat[(end + 2)..].Split(' ');
                ticks += long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture) + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // The process ended meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours to read.
            }
        }

        return TimeSpan.FromSeconds(ticks / 100.0);
    }

    /// <summary>Empties the period's ledger, so that each round sends every digest again.</summary>
    private static async Task ForgetPeriodAsync(TestDatabase database, DateTimeOffset period)
    {
        await using var connection = new NpgsqlConnection(database.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("DELETE FROM digest_deliveries WHERE period = @period", connection);
        command.Parameters.AddWithValue("period", period.ToUniversalTime());
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<List<MimeMessage>> BuildMessagesAsync(IServiceProvider services, IReadOnlyList<DigestBatch> batches)
    {
        var builder = services.GetRequiredService<DigestMessage>();
        var factory = services.GetRequiredService<IDbContextFactory<ExchangeDbContext>>();
        var messages = new List<MimeMessage>();
        foreach (var batch in batches)
        {
            await using var db = await factory.CreateDbContextAsync();
            var composing = Stopwatch.StartNew();
            var digests = await DigestComposer.ComposeAsync(db, batch.UserIds, batch.Period);
            Composing += composing.Elapsed;
            foreach (var digest in digests.Where(d => !d.IsEmpty))
            {
                messages.Add(await builder.BuildAsync(digest, DateTimeOffset.UtcNow));
            }
        }

        return messages;
    }

    /// <summary>Counts and times the SQL statements EF Core sends (the ledger's round trips go on the batch's own connection, counted apart).</summary>
    private sealed class StatementCounter : DbCommandInterceptor
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, (int Count, double Ms)> _time = new();
        private int _count;

        /// <summary>Time spent per statement (its first line), the slowest first.</summary>
        public IEnumerable<(string Statement, int Count, double Ms)> Slowest =>
            _time.Select(t => (t.Key, t.Value.Count, t.Value.Ms)).OrderByDescending(t => t.Ms);

        public override ValueTask<DbDataReader> ReaderExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
        {
            Time(command, eventData.Duration);
            return base.ReaderExecutedAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<int> NonQueryExecutedAsync(
            DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Time(command, eventData.Duration);
            return base.NonQueryExecutedAsync(command, eventData, result, cancellationToken);
        }

        private void Time(DbCommand command, TimeSpan duration)
        {
            var key = string.Join(' ', command.CommandText.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Take(3));
            key = key.Length > 110 ? key[..110] : key;
            _time.AddOrUpdate(key, (1, duration.TotalMilliseconds), (_, t) => (t.Count + 1, t.Ms + duration.TotalMilliseconds));
        }

        public int Count => _count;

        public void Reset()
        {
            _count = 0;
            _time.Clear();
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count1(command);
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            Count1(command);
            return base.NonQueryExecutingAsync(command, eventData, result, cancellationToken);
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
            DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
        {
            Count1(command);
            return base.ScalarExecutingAsync(command, eventData, result, cancellationToken);
        }

        private void Count1(DbCommand command) => Interlocked.Increment(ref _count);
    }
}
