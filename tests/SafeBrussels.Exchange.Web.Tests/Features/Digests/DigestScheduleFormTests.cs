using System.Globalization;
using Bunit;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Digests;

public sealed class DigestScheduleFormTests : MudBunitContext
{
    public DigestScheduleFormTests() => CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("nl");

    [Fact]
    public void Weekly_asks_for_day_and_hour_daily_for_the_hour_only_and_off_for_neither()
    {
        var weekly = Render<DigestScheduleForm>(p => p.Add(f => f.Value, new DigestSettings(DigestFrequency.Weekly, DayOfWeek.Monday, 8, null)));
        Assert.NotNull(weekly.Find("#digest-day"));
        Assert.NotNull(weekly.Find("#digest-hour"));
        Assert.Contains("Wekelijks", weekly.Markup);

        var daily = Render<DigestScheduleForm>(p => p.Add(f => f.Value, new DigestSettings(DigestFrequency.Daily, DayOfWeek.Monday, 8, null)));
        Assert.Empty(daily.FindAll("#digest-day"));
        Assert.NotNull(daily.Find("#digest-hour"));

        var off = Render<DigestScheduleForm>(p => p.Add(f => f.Value, new DigestSettings(DigestFrequency.Off, DayOfWeek.Monday, 8, null)));
        Assert.Empty(off.FindAll("#digest-day"));
        Assert.Empty(off.FindAll("#digest-hour"));
        Assert.NotNull(off.Find("#digest-language"));
    }

    [Fact]
    public void Saving_hands_back_the_settings_as_shown()
    {
        DigestSettings? saved = null;
        var form = Render<DigestScheduleForm>(p => p
            .Add(f => f.Value, new DigestSettings(DigestFrequency.Weekly, DayOfWeek.Thursday, 17, "fr"))
            .Add(f => f.OnSave, (DigestSettings s) => saved = s));

        form.Find("form").Submit();

        Assert.Equal(new DigestSettings(DigestFrequency.Weekly, DayOfWeek.Thursday, 17, "fr"), saved);
    }

    [Fact]
    public void A_refused_value_is_explained_on_its_field_in_the_member_language()
    {
        var form = Render<DigestScheduleForm>(p => p
            .Add(f => f.Value, new DigestSettings(DigestFrequency.Daily, DayOfWeek.Monday, 8, null))
            .Add(f => f.Result, CommandResult.Fail("Hour", "Validation.DigestHour")));

        Assert.Contains("Kies een uur van 0 tot 23.", form.Markup);
        Assert.NotEmpty(form.FindAll(".mud-input-error"));
    }
}
