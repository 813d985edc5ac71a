using DiffPlex;
using DiffPlex.DiffBuilder;
using DiffPlex.DiffBuilder.Model;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>A line-by-line difference of two texts (minutes, agenda notes), by DiffPlex (Myers' algorithm).</summary>
public static class LineDiff
{
    private static readonly InlineDiffBuilder Builder = new(new Differ());

    public static IReadOnlyList<DiffLine> Compare(string? before, string? after) =>
        [.. Builder.BuildDiffModel(before ?? "", after ?? "", ignoreWhitespace: false).Lines
            .Where(line => line.Type != ChangeType.Imaginary)
            .Select(line => new DiffLine(
                line.Type switch
                {
                    ChangeType.Deleted => DiffKind.Removed,
                    ChangeType.Inserted => DiffKind.Added,
                    _ => DiffKind.Same,
                },
                line.Text))];
}
