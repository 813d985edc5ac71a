using MailKit.Net.Smtp;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Email;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>What one batch did.</summary>
public sealed record BatchOutcome(int Sent, int Empty, int Refused, int AlreadyDelivered)
{
    public static BatchOutcome operator +(BatchOutcome a, BatchOutcome b) =>
        new(a.Sent + b.Sent, a.Empty + b.Empty, a.Refused + b.Refused, a.AlreadyDelivered + b.AlreadyDelivered);
}

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
        try
        {
            foreach (var digest in digests.Where(d => !d.IsEmpty))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await rate.WaitAsync(cancellationToken);
                var userId = digest.Recipient.UserId;
                var message = messages.Build(digest, time.GetUtcNow());
                // Deliberately outside the retrying execution strategy: a claim whose commit failed must not be
                // replayed with a second send; the batch fails instead and its retry finds the ledger as it is.
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var claimed = await db.Database.ExecuteSqlInterpolatedAsync(
                    $"""
                    INSERT INTO digest_deliveries (user_id, period, outcome, recorded_at, items, message_id)
                    VALUES ({userId}, {period}, 'Sent', {time.GetUtcNow()}, {digest.ItemCount}, {message.MessageId})
                    ON CONFLICT DO NOTHING
                    """,
                    cancellationToken);
                if (claimed == 0)
                {
                    skipped++;
                    continue;
                }

                client ??= await SmtpMailSender.ConnectAsync(email.Value, cancellationToken);
                try
                {
                    await client.SendAsync(message, cancellationToken);
                    sent++;
                }
                catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500 && ex.ErrorCode is SmtpErrorCode.RecipientNotAccepted or SmtpErrorCode.MessageNotAccepted)
                {
                    var error = $"{(int)ex.StatusCode} {ex.Message}";
                    await db.Database.ExecuteSqlInterpolatedAsync(
                        $"UPDATE digest_deliveries SET outcome = 'Refused', error = left({error}, 1000) WHERE user_id = {userId} AND period = {period}",
                        CancellationToken.None);
                    refused++;
                    logger.LogWarning("Digest {MessageId} refused for good by the relay ({Status})", message.MessageId, (int)ex.StatusCode);
                }

                // Handed over: record it whatever happens to the caller now.
                await transaction.CommitAsync(CancellationToken.None);
                Delivered?.Invoke(userId);
            }
        }
        finally
        {
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
