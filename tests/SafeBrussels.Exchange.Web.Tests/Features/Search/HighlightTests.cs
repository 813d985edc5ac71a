using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.Web.Tests.Features.Search;

public sealed class HighlightTests
{
    [Fact]
    public void Only_the_match_markers_become_markup()
    {
        var html = SearchService.Highlight("<script>alert(1)</script> le ⟦harcèlement⟧ & \"x\"");
        Assert.Equal("&lt;script&gt;alert(1)&lt;/script&gt; le <mark>harcèlement</mark> &amp; &quot;x&quot;", html);
    }

    [Theory]
    [InlineData("Crème Brûlée", "creme brulee")]
    [InlineData("ŒUVRE", "oeuvre")]
    [InlineData("Straße", "strasse")]
    public void Folding_lowers_and_removes_accents(string text, string folded) =>
        Assert.Equal(folded, string.Join(' ', TextFolding.Words(text)));
}
