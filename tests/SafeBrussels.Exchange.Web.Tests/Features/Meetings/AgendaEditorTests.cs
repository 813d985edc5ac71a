using System.Globalization;
using Bunit;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Meetings;

public sealed class AgendaEditorTests : MudBunitContext
{
    private readonly List<AgendaItemInput> _items =
    [
        new() { Title = "Tour de table" },
        new() { Title = "Présentation gantoise" },
        new() { Title = "Conclusions" },
    ];

    public AgendaEditorTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("fr");

    [Fact]
    public void Items_can_be_added_removed_and_reordered()
    {
        var editor = Render<AgendaEditor>(p => p.Add(e => e.Items, _items));

        editor.FindAll("[data-testid=agenda-down]")[0].Click();
        Assert.Equal(["Présentation gantoise", "Tour de table", "Conclusions"], _items.Select(i => i.Title));

        editor.FindAll("[data-testid=agenda-up]")[2].Click();
        Assert.Equal(["Présentation gantoise", "Conclusions", "Tour de table"], _items.Select(i => i.Title));

        editor.FindAll("[data-testid=agenda-remove]")[0].Click();
        Assert.Equal(["Conclusions", "Tour de table"], _items.Select(i => i.Title));

        editor.Find("[data-testid=agenda-add]").Click();
        Assert.Equal(3, _items.Count);
        Assert.Equal(3, editor.FindAll("[data-testid=agenda-item]").Count);
    }

    [Fact]
    public void The_first_item_cannot_move_up_nor_the_last_down_and_buttons_are_labelled()
    {
        var editor = Render<AgendaEditor>(p => p.Add(e => e.Items, _items));

        Assert.True(editor.FindAll("[data-testid=agenda-up]")[0].HasAttribute("disabled"));
        Assert.True(editor.FindAll("[data-testid=agenda-down]")[2].HasAttribute("disabled"));
        Assert.Equal("Monter le point 2", editor.FindAll("[data-testid=agenda-up]")[1].GetAttribute("aria-label"));
    }

    [Fact]
    public void Each_title_counts_its_characters_against_the_limit()
    {
        var editor = Render<AgendaEditor>(p => p.Add(e => e.Items, _items));

        var first = editor.FindAll("[data-testid=agenda-item]")[0];
        Assert.Contains("13 / 300", first.TextContent);
        editor.Find("#agenda-0-title").Input(new string('x', 301));
        Assert.Contains("301 / 300", editor.FindAll("[data-testid=agenda-item]")[0].TextContent);
    }
}
