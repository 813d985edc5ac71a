using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary><c>glossary export FILE</c>: the glossary as administrators left it, in the reviewed file's format.</summary>
internal sealed class GlossaryExportCommand(GlossaryService glossary) : ICliCommand
{
    public string Usage => "glossary export FILE   write the search glossary as edited on the platform (format of Features/Search/glossary.json)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string>(), positionals: 1);
        var path = parsed.Positionals.FirstOrDefault() ?? throw new CliException("The file to write is required.");
        var json = await glossary.ExportAsync(cancellationToken);
        await File.WriteAllTextAsync(path, json, cancellationToken);
        await output.WriteLineAsync($"Wrote the glossary to {path}.");
        return 0;
    }
}
