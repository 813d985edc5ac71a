using System.CommandLine;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary><c>glossary export FILE</c>: the glossary as administrators left it, in the reviewed file's format.</summary>
internal sealed class GlossaryExportCommand(GlossaryService glossary) : ICliCommand
{
    private static readonly Argument<string> Target = new("FILE") { Description = "the file to write" };

    public static Command Definition { get; } =
        new("export", "Write the search glossary as edited on the platform, in the format of Features/Search/glossary.json.") { Target };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue(Target);
        var json = await glossary.ExportAsync(cancellationToken);
        await File.WriteAllTextAsync(path, json, cancellationToken);
        await output.WriteLineAsync($"Wrote the glossary to {path}.");
        return 0;
    }
}
