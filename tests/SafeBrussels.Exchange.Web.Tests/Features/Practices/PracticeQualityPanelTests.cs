using System.Globalization;
using Bunit;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Practices;

public sealed class PracticeQualityPanelTests : MudBunitContext
{
    [Fact]
    public void Shows_the_four_criteria_as_met_or_missing_and_the_suggested_level()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var assessment = PracticeQuality.Assess(new PracticeInput
        {
            Problem = Words(PracticeQuality.ProblemWords),
            Approach = Words(PracticeQuality.ApproachWords),
            Results = Words(PracticeQuality.OutcomeWords),
        });

        var panel = Render<PracticeQualityPanel>(p => p
            .Add(c => c.Assessment, assessment)
            .Add(c => c.Current, EvidenceLevel.Untested));

        var criteria = panel.FindAll("[data-testid=criterion]");
        Assert.Equal(4, criteria.Count);
        Assert.Equal(["true", "true", "true", "false"], criteria.Select(c => c.GetAttribute("data-met")));
        Assert.Contains("The problem is described", criteria[0].TextContent);
        Assert.DoesNotContain("not met yet", criteria[0].TextContent);
        Assert.Contains("Enough detail on context and implementation", criteria[3].TextContent);
        Assert.Contains("not met yet", criteria[3].TextContent);
        Assert.Contains("Give the target groups, the start date and a contact person.", criteria[3].TextContent);
        Assert.Equal("Suggested evidence level: Promising", panel.Find("[data-testid=suggested-evidence]").TextContent.Trim());
    }

    [Fact]
    public void Using_the_suggestion_passes_the_suggested_level_back()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var assessment = PracticeQuality.Assess(new PracticeInput
        {
            Problem = Words(PracticeQuality.ProblemWords),
            Approach = Words(PracticeQuality.ApproachWords),
            Results = Words(PracticeQuality.OutcomeWords),
        });
        EvidenceLevel? chosen = null;

        var panel = Render<PracticeQualityPanel>(p => p
            .Add(c => c.Assessment, assessment)
            .Add(c => c.Current, EvidenceLevel.Untested)
            .Add(c => c.UseSuggestion, level => { chosen = level; }));

        var button = panel.FindAll("button").Single(b => b.TextContent.Trim() == "Use the suggestion");
        button.Click();

        Assert.Equal(EvidenceLevel.Promising, chosen);
    }

    [Fact]
    public void No_suggestion_button_when_the_current_level_is_the_suggested_one()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var assessment = PracticeQuality.Assess(new PracticeInput());

        var panel = Render<PracticeQualityPanel>(p => p
            .Add(c => c.Assessment, assessment)
            .Add(c => c.Current, EvidenceLevel.Untested));

        Assert.Equal(["false", "false", "false", "false"], panel.FindAll("[data-testid=criterion]").Select(c => c.GetAttribute("data-met")));
        Assert.Equal("Suggested evidence level: Untested", panel.Find("[data-testid=suggested-evidence]").TextContent.Trim());
        Assert.Empty(panel.FindAll("button"));
    }

    [Fact]
    public void Speaks_the_viewer_language()
    {
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");
        var assessment = PracticeQuality.Assess(new PracticeInput
        {
            Problem = Words(PracticeQuality.ProblemWords),
            Approach = Words(PracticeQuality.ApproachWords),
            Results = Words(PracticeQuality.OutcomeWords),
            TargetGroups = ["pendelaarsters"],
            StartedOn = new DateOnly(2024, 9, 1),
            ContactEmail = "preventie@stad-gent.example",
            Status = PracticeStatus.Evaluated,
        });

        var panel = Render<PracticeQualityPanel>(p => p
            .Add(c => c.Assessment, assessment)
            .Add(c => c.Current, EvidenceLevel.Promising));

        Assert.All(panel.FindAll("[data-testid=criterion]"), c => Assert.Equal("true", c.GetAttribute("data-met")));
        Assert.Contains("Kwaliteitscriteria", panel.Markup);
        Assert.Equal("Voorgesteld bewijsniveau: Geëvalueerd", panel.Find("[data-testid=suggested-evidence]").TextContent.Trim());
        Assert.Equal("Het voorstel gebruiken", panel.Find("button").TextContent.Trim());
    }

    private static string Words(int count) =>
        string.Join(' ', Enumerable.Range(1, count).Select(i => $"woord{i}"));
}
