using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.Web.Tests.Features.Meetings;

public sealed class LineDiffTests
{
    [Fact]
    public void Marks_removed_added_and_unchanged_lines_in_order()
    {
        var diff = LineDiff.Compare("Ouverture\nTour de table\nClôture", "Ouverture\nPrésentation de Gand\nClôture\nSuite");

        Assert.Equal(
            [
                (DiffKind.Same, "Ouverture"),
                (DiffKind.Removed, "Tour de table"),
                (DiffKind.Added, "Présentation de Gand"),
                (DiffKind.Same, "Clôture"),
                (DiffKind.Added, "Suite"),
            ],
            diff.Select(l => (l.Kind, l.Text)));
    }

    [Fact]
    public void Identical_texts_have_no_change()
    {
        Assert.All(LineDiff.Compare("a\nb", "a\nb"), l => Assert.Equal(DiffKind.Same, l.Kind));
    }

    /// <summary>Long minutes (5,000 lines) with one line changed: that line, not the two texts whole.</summary>
    [Fact]
    public void A_long_text_with_one_changed_line_shows_that_line_only()
    {
        var lines = Enumerable.Range(1, 5000).Select(i => $"Point {i} : suivi des actions").ToList();
        var before = string.Join("\n", lines);
        lines[2500] = "Point 2501 : décision reportée";

        var diff = LineDiff.Compare(before, string.Join("\n", lines));

        Assert.Equal(5001, diff.Count);
        Assert.Equal([(DiffKind.Removed, "Point 2501 : suivi des actions"), (DiffKind.Added, "Point 2501 : décision reportée")],
            diff.Where(l => l.Kind != DiffKind.Same).Select(l => (l.Kind, l.Text)));
    }
}
