using System.CommandLine;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>A verb of the application host, run as <c>SafeBrussels.Exchange.Web &lt;verb&gt; [options]</c> (listed in <see cref="ExchangeCli"/>).</summary>
public interface ICliCommand
{
    /// <summary>The verb's last word, description, options and arguments, from which System.CommandLine parses and writes help.</summary>
    static abstract Command Definition { get; }

    /// <summary>Runs the verb with the values parsed by its <see cref="Definition"/>.</summary>
    Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken);
}
