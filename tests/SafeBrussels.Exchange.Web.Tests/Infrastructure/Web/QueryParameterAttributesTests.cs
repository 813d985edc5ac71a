using System.ComponentModel.DataAnnotations;
using SafeBrussels.Exchange.Web.Features.Practices.Api;
using SafeBrussels.Exchange.Web.Infrastructure.Web;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Web;

/// <summary>The attributes that check the API's query parameters (AddValidation) before an endpoint runs.</summary>
public sealed class QueryParameterAttributesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("1", true)]
    [InlineData("100", true)]
    [InlineData("0", false)]
    [InlineData("101", false)]
    [InlineData("-1", false)]
    [InlineData("+5", false)]
    [InlineData(" 5", false)]
    [InlineData("5.0", false)]
    [InlineData("99999999999", false)]
    [InlineData("abc", false)]
    public void A_whole_number_is_digits_within_its_range(string? value, bool valid)
    {
        var attribute = new WholeNumberAttribute(1, 100);

        Assert.Equal(valid, attribute.IsValid(value));
        Assert.Equal("must be a whole number from 1 to 100.", attribute.FormatErrorMessage("page"));
    }

    [Fact]
    public void One_of_accepts_the_listed_codes_in_any_case_and_says_which()
    {
        var attribute = new OneOfAttribute("fr", "nl", "en");

        Assert.True(attribute.IsValid("NL"));
        Assert.True(attribute.IsValid(null));
        Assert.False(attribute.IsValid("de"));
        Assert.Equal("must be one of fr, nl, en.", attribute.FormatErrorMessage("lang"));
    }

    [Theory]
    [InlineData("2026-03-12", null)]
    [InlineData("2026-03-12T10:00:00+01:00", null)]
    [InlineData("0001-01-01", "must be a date from 1900-01-01 to 2999-12-31.")]
    [InlineData("yesterday", "'yesterday' is not an ISO 8601 date or date-time.")]
    public void A_day_or_instant_is_read_as_the_pages_read_it(string value, string? message)
    {
        var result = new DayOrInstantAttribute().GetValidationResult(value, new ValidationContext(new object()) { MemberName = "From" });

        Assert.Equal(message, result?.ErrorMessage);
    }

    [Fact]
    public void The_catalogues_parameters_are_checked_all_at_once()
    {
        var parameters = new PracticeListParameters { Lang = "de", Evidence = "maybe", Page = "0", PageSize = "1000", From = "soon" };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(parameters, new ValidationContext(parameters), results, validateAllProperties: true));
        Assert.Equal(["Lang", "Evidence", "Page", "PageSize", "From"], results.Select(r => r.MemberNames.Single()));
    }
}
