using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Email;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Sends one batch of digests for one period, each exactly once (docs/digests.md):
/// <list type="number">
/// <item>members already in the ledger for the period are left out; the others' digests are composed together;</item>
/// <item>empty digests are recorded in one statement, and no mail goes out;</item>
/// <item>each other member is claimed by inserting their ledger row in a transaction that stays open while the
/// message is handed to the relay and commits right after: a crash before the commit leaves no row (the member
/// is picked up again), a second instance blocks on the row and then skips the member;</item>
/// <item>a permanent refusal (5xx) is recorded on the row and does not stop the batch; anything else (relay down,
/// 4xx) ends the batch with an exception, to be retried, and the members already sent stay recorded.</item>
/// </list>
/// One SMTP connection serves the whole batch.
/// </summary>
public sealed class DigestSender(
    IDbContextFactory<ExchangeDbContext> dbFactory,
    DigestMessage messages,
    DigestRateLimiter rate,
    IOptions<EmailOptions> email,
    TimeProvider time,
    ILogger<DigestSender> logger)
{
    /// <summary>Raised after each committed delivery (tests inject crashes here; operators may count).</summary>
    internal event Action<Guid>? Delivered;

    public async Task<BatchOutcome> SendBatchAsync(DateTimeOffset period, IReadOnlyCollection<Guid> userIds, CancellationToken cancellationToken = default)
    {
        period = period.ToUniversalTime();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var ids = userIds.Distinct().ToList();
        var recorded = await db.DigestDeliveries
            .Where(d => d.Period == period && ids.Contains(d.UserId))
            .Select(d => d.UserId)
            .ToListAsync(cancellationToken);
        var digests = await DigestComposer.ComposeAsync(db, ids.Except(recorded).ToList(), period, cancellationToken);

        var now = time.GetUtcNow();
        var empty = digests.Where(d => d.IsEmpty).Select(d => d.Recipient.UserId).ToArray();
        var emptyRecorded = empty.Length == 0 ? 0 : await db.Database.ExecuteSqlInterpolatedAsync(
            $"""
            INSERT INTO digest_deliveries (user_id, period, outcome, recorded_at, items)
            SELECT u, {period}, 'Empty', {now}, 0 FROM unnest({empty}) AS u
            ON CONFLICT DO NOTHING
            """,
            cancellationToken);

        int sent = 0, refused = 0, skipped = recorded.Count + (empty.Length - emptyRecorded);
        SmtpClient? client = null;
        await db.Database.OpenConnectionAsync(cancellationToken);
        var ledger = new Ledger((NpgsqlConnection)db.Database.GetDbConnection(), period);
        try
        {
            Guid? handedOver = null;
            string? refusal = null;
            foreach (var digest in digests.Where(d => !d.IsEmpty))
            {
                var userId = digest.Recipient.UserId;
                var at = time.GetUtcNow();

                // Right after the previous member's message was handed over, one round trip records it (committed)
                // and claims this member in a transaction that stays open until their message is handed over too;
                // the message is written meanwhile. Nothing may come between a handover and its commit: a
                // cancellation or a wait there would withdraw the claim of a message already with the relay.
                var building = Task.Run(() => messages.BuildAsync(digest, at), CancellationToken.None);
                var claimed = await ledger.CommitThenClaimAsync(handedOver, refusal, userId, at, digest.ItemCount, messages.MessageIdFor(userId, digest.Period));
                if (handedOver is { } previous)
                {
                    Delivered?.Invoke(previous);
                }

                (handedOver, refusal) = (null, null);
                var message = await building;
                if (!claimed)
                {
                    skipped++;
                    continue;
                }

                // Stopping or waiting here is safe: the open claim is withdrawn and this member picked up again.
                cancellationToken.ThrowIfCancellationRequested();
                await rate.WaitAsync(cancellationToken);
                client ??= await SmtpMailSender.ConnectAsync(email.Value, cancellationToken);
                try
                {
                    // Not cancelled once begun: a handover cut short could leave the relay with a message whose
                    // claim is then withdrawn. The client's timeout bounds it.
                    await client.SendAsync(message, CancellationToken.None);
                    sent++;
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                {
                    refusal = $"{(int)ex.StatusCode} {ex.Message}";
                    refused++;
                    logger.LogWarning("Digest {MessageId} refused for good by the relay ({Status})", message.MessageId, (int)ex.StatusCode);
                }

                handedOver = userId;
            }

            await ledger.CommitAsync(handedOver, refusal);
            if (handedOver is { } last)
            {
                Delivered?.Invoke(last);
            }
        }
        finally
        {
            // A claim still open (the batch failed before its message was handed over) is withdrawn: the member is
            // picked up by the retry.
            await ledger.RollBackAsync();
            await db.Database.CloseConnectionAsync();
            if (client is not null)
            {
                await QuitAsync(client);
            }
        }

        var outcome = new BatchOutcome(sent, emptyRecorded, refused, skipped);
        logger.LogInformation(
            "Digest batch for {Period}: {Sent} sent, {Empty} empty, {Refused} refused, {Skipped} already delivered",
            period, outcome.Sent, outcome.Empty, outcome.Refused, outcome.AlreadyDelivered);
        return outcome;
    }

    /// <summary>
    /// The ledger rows of one batch, written on the batch's connection with explicit transactions: each claim is an
    /// insert in a transaction that commits once the member's message is handed over, in the same round trip as the
    /// next claim. Deliberately not through EF Core's retrying strategy: a claim whose commit failed must not be replayed
    /// with a second send; the batch fails instead and its retry finds the ledger as it is.
    /// </summary>
    private sealed class Ledger(NpgsqlConnection connection, DateTimeOffset period)
    {
        private bool _open;

        /// <summary>Commits the open claim (with its refusal, if any), then claims <paramref name="userId"/>; false when someone else has.</summary>
        public async Task<bool> CommitThenClaimAsync(Guid? handedOver, string? refusal, Guid userId, DateTimeOffset at, int items, string? messageId)
        {
            await using var batch = new NpgsqlBatch(connection);
            AddCommit(batch, handedOver, refusal);
            batch.BatchCommands.Add(new NpgsqlBatchCommand("BEGIN"));
            var claim = new NpgsqlBatchCommand(
                """
                INSERT INTO digest_deliveries (user_id, period, outcome, recorded_at, items, message_id)
                VALUES ($1, $2, 'Sent', $3, $4, $5)
                ON CONFLICT DO NOTHING
                """)
            {
                Parameters = { new() { Value = userId }, new() { Value = period }, new() { Value = at }, new() { Value = items }, new() { Value = (object?)messageId ?? DBNull.Value } },
            };
            batch.BatchCommands.Add(claim);
            // From here a claim may be open, whatever happens to the round trip.
            _open = true;
            await ExecuteAsync(batch);
            return claim.RecordsAffected == 1;
        }

        public async Task CommitAsync(Guid? handedOver, string? refusal)
        {
            if (!_open)
            {
                return;
            }

            await using var batch = new NpgsqlBatch(connection);
            AddCommit(batch, handedOver, refusal);
            _open = false;
            await ExecuteAsync(batch);
        }

        // Prepared once per physical connection (Npgsql keeps them), then only bound and executed: the same few
        // statements run for every message.
        private static async Task ExecuteAsync(NpgsqlBatch batch)
        {
            await batch.PrepareAsync(CancellationToken.None);
            await batch.ExecuteNonQueryAsync(CancellationToken.None);
        }

        /// <summary>Withdraws a claim that may be open; never throws, so that the batch's own error is the one reported.</summary>
        public async Task RollBackAsync()
        {
            if (!_open || connection.State != System.Data.ConnectionState.Open)
            {
                return;
            }

            _open = false;
            try
            {
                await using var rollback = new NpgsqlCommand("ROLLBACK", connection);
                await rollback.ExecuteNonQueryAsync(CancellationToken.None);
            }
            catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException)
            {
                // The connection is gone, and with it the transaction: nothing was recorded.
            }
        }

        private void AddCommit(NpgsqlBatch batch, Guid? handedOver, string? refusal)
        {
            if (!_open)
            {
                return;
            }

            if (handedOver is { } userId && refusal is not null)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand(
                    "UPDATE digest_deliveries SET outcome = 'Refused', error = left($1, 1000) WHERE user_id = $2 AND period = $3")
                {
                    Parameters = { new() { Value = refusal }, new() { Value = userId }, new() { Value = period } },
                });
            }

            batch.BatchCommands.Add(new NpgsqlBatchCommand("COMMIT"));
        }
    }

    private static async Task QuitAsync(SmtpClient client)
    {
        try
        {
            if (client.IsConnected)
            {
                await client.DisconnectAsync(quit: true, CancellationToken.None);
            }
        }
        catch (Exception ex) when (ex is IOException or MailKit.ServiceNotConnectedException or MailKit.ProtocolException or SmtpCommandException)
        {
            // The messages are handed over; a failing goodbye changes nothing.
        }
        finally
        {
            client.Dispose();
        }
    }
}
