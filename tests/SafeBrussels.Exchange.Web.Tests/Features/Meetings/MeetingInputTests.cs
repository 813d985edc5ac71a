using System.Globalization;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Features.Meetings;

/// <summary>Each refusal of the meeting editor says what is wrong with the field, and only that.</summary>
public sealed class MeetingInputTests
{
    [Theory]
    [InlineData("", "Validation.Required")]
    [InlineData("   ", "Validation.Required")]
    [InlineData("Réunion", null)]
    public void A_missing_title_is_said_to_be_missing(string title, string? expected) =>
        Assert.Equal(expected, MeetingInputValidator.Instance.Check(Valid(title)).ErrorFor("Title"));

    [Fact]
    public void A_title_over_300_characters_is_said_to_be_too_long_and_not_missing()
    {
        Assert.Null(MeetingInputValidator.Instance.Check(Valid(new string('t', FieldLengths.Line))).ErrorFor("Title"));
        var input = Valid(new string('t', FieldLengths.Line + 1));
        input.Agenda = [new AgendaItemInput { Title = new string('a', 301) }];
        input.Decisions = [new string('d', FieldLengths.Decision + 1)];
        input.ActionItems = [new ActionItemInput { Title = "" }];

        var result = MeetingInputValidator.Instance.Check(input);

        Assert.Equal("Validation.TooLong300", result.ErrorFor("Title"));
        Assert.Equal("Validation.TooLong300", result.ErrorFor("Agenda[0].Title"));
        Assert.Equal("Validation.TooLong2000", result.ErrorFor("Decisions[0]"));
        Assert.Equal("Validation.Required", result.ErrorFor("ActionItems[0].Title"));
    }

    [Theory]
    [InlineData("fr", "Trop long : au maximum 300 caractères.")]
    [InlineData("nl", "Te lang: hoogstens 300 tekens.")]
    [InlineData("en", "Too long: at most 300 characters.")]
    public void The_too_long_message_names_the_limit_without_saying_required(string language, string expected)
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection().AddRealLocalization();
        using var provider = Microsoft.Extensions.DependencyInjection.ServiceCollectionContainerBuilderExtensions.BuildServiceProvider(services);
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo(language);
        try
        {
            Assert.Equal(expected, TestServices.Localizer(provider)[TextRules.TooLong(FieldLengths.Line)].Value);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }
    }

    private static MeetingInput Valid(string title) => new()
    {
        Title = title,
        StartsAt = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero),
        Themes = ["radicalisation"],
        Language = "fr",
    };
}
