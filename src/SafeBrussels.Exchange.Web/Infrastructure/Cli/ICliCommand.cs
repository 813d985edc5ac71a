namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>A verb of the application host, run as <c>SafeBrussels.Exchange.Web &lt;verb&gt; [options]</c>.</summary>
public interface ICliCommand
{
    /// <summary>The words of the verb, e.g. <c>["users", "add"]</c>.</summary>
    IReadOnlyList<string> Verb { get; }

    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
