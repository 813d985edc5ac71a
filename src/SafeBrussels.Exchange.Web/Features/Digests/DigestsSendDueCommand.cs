using System.CommandLine;
using System.Globalization;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// <c>digests send-due [--at ISO]</c>: runs, synchronously, exactly what the recurring job runs at that instant
/// (same scheduler, same batches, same ledger) and prints how many digests it sent.
/// </summary>
internal sealed class DigestsSendDueCommand(
    DigestScheduler scheduler,
    DigestSender sender,
    TimeProvider time,
    Microsoft.Extensions.Options.IOptions<DigestOptions> options,
    Microsoft.Extensions.Options.IOptions<Infrastructure.Email.EmailOptions> email) : ICliCommand
{
    private static readonly Option<string> At = new("--at")
    {
        Description = "the instant, ISO 8601 (default now), e.g. 2026-12-07T08:05:00+01:00",
        HelpName = "ISO",
    };

    public static Command Definition { get; } =
        new("send-due", "Send the digests due at that instant, exactly as the background job would, each once; print how many.") { At };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var at = time.GetUtcNow();
        if (parsed.GetValue(At) is { } text
            && !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out at))
        {
            throw new CliException($"--at '{text}' is not an ISO 8601 date and time (e.g. 2026-12-07T08:05:00+01:00).");
        }

        var total = new BatchOutcome(0, 0, 0, 0);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.ParallelBatches), CancellationToken = cancellationToken };
        try
        {
            await Parallel.ForEachAsync(await scheduler.FindDueAsync(at, cancellationToken), parallel, async (batch, token) =>
            {
                var outcome = await sender.SendBatchAsync(batch.Period, batch.UserIds, token);
                lock (parallel)
                {
                    total += outcome;
                }
            });
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or IOException or TimeoutException
            or MailKit.ProtocolException or MailKit.Net.Smtp.SmtpCommandException or MailKit.ServiceNotConnectedException)
        {
            var relay = email.Value.Smtp;
            throw new CliException(
                $"the mail relay {relay.Host}:{relay.Port} could not be used ({ex.Message}). The digests sent before are recorded; run the command again to send the rest, each once.");
        }

        await output.WriteLineAsync(
            $"Sent {English.Count(total.Sent, "digest")} due at {at.ToUniversalTime():yyyy-MM-dd'T'HH:mm:ss'Z'}; " +
            $"{total.Empty} with nothing new (no email), {total.Refused} refused by the relay, {total.AlreadyDelivered} already delivered.");
        return 0;
    }
}
