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
}
