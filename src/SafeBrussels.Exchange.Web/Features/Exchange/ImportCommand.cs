using System.CommandLine;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary><c>import FILE [--dry-run]</c>: all or nothing; every problem by JSON path, exit 1 when refused.</summary>
internal sealed class ImportCommand(ExchangeImporter importer) : ICliCommand
{
    private static readonly Argument<string> Source = new("FILE") { Description = "the exchange-format file" };

    private static readonly Option<bool> DryRun = new("--dry-run") { Description = "only check the file; write nothing" };

    public static Command Definition { get; } =
        new("import", "Import an exchange-format file, all or nothing; list every problem by JSON path and exit 1 when refused.") { Source, DryRun };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue(Source);
        if (!File.Exists(path))
        {
            throw new CliException($"No file at '{path}'.");
        }

        ImportReport report;
        await using (var file = File.OpenRead(path))
        {
            report = await importer.ImportAsync(file, parsed.GetValue(DryRun), cancellationToken);
        }

        if (!report.Succeeded)
        {
            await output.WriteLineAsync($"Refused: {English.Count(report.Problems.Count, "problem")} in {path}; nothing was imported.");
            foreach (var problem in report.Problems)
            {
                await output.WriteLineAsync(problem.ToString());
            }

            return 1;
        }

        await output.WriteLineAsync(report.Written ? $"Imported {path}." : $"{path} is valid; nothing was written (dry run).");
        await output.WriteLineAsync(Line("created", report.Created));
        await output.WriteLineAsync(Line("updated", report.Updated));
        await output.WriteLineAsync(Line("unchanged", report.Unchanged));
        return 0;
    }

    private static string Line(string label, ImportCounts counts) =>
        $"  {label,-10} organizations {counts.Organizations}, practices {counts.Practices}, meetings {counts.Meetings}";
}
