namespace SafeBrussels.Exchange.Web.Infrastructure.Jobs;

/// <summary>Configuration section <c>Jobs</c>.</summary>
public sealed class JobsOptions
{
    public const string SectionName = "Jobs";

    /// <summary>Whether this instance runs a Hangfire server (workers and recurring jobs); the dashboard is always there.</summary>
    public bool RunServer { get; set; } = true;

    /// <summary>Jobs this instance runs at once; digest batches mostly wait on the database and the relay (docs/digests.md).</summary>
    public int Workers { get; set; } = 4;

    /// <summary>How often an idle worker looks for a new job in the queue.</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Whether the instance creates or upgrades Hangfire's tables at start. Set it to false when the application
    /// connects as a role that may not change the schema: <c>migrate --app-role</c> prepares them instead.
    /// </summary>
    public bool PrepareSchema { get; set; } = true;
}
