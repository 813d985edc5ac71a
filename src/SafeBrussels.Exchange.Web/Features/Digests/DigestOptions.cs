using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>Configuration section <c>Digests</c> (docs/digests.md).</summary>
public sealed class DigestOptions
{
    public const string SectionName = "Digests";

    /// <summary>Members composed and sent together, over one SMTP connection.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 500;

    /// <summary>
    /// Batches <c>digests send-due</c> runs at once, as the job server's workers do: each batch waits in turn on the
    /// database (composing, each member's durable commit) and on the relay, so four keep two cores busy.
    /// </summary>
    [Range(1, 64)]
    public int ParallelBatches { get; set; } = 4;

    /// <summary>Messages a minute this instance hands to the relay at most; 0 for no limit.</summary>
    [Range(0, 1_000_000)]
    public int MessagesPerMinute { get; set; } = 600;

    /// <summary>When the recurring job looks for due digests (cron, UTC).</summary>
    [Required(AllowEmptyStrings = false)]
    [RegularExpression(@"^\S+(\s+\S+){4,5}$", ErrorMessage = "Digests:Schedule must be a cron expression of five or six fields (UTC).")]
    public string Schedule { get; set; } = "*/5 * * * *";
}
