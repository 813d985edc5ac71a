namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>A verb of the application host, run as <c>SafeBrussels.Exchange.Web &lt;verb&gt; [options]</c> (registered in <see cref="ExchangeCli"/>).</summary>
public interface ICliCommand
{
    string Usage { get; }

    Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
