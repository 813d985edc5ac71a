using SafeBrussels.Exchange.Web.Features.Organizations;

namespace SafeBrussels.Exchange.Web.Tests.Features.Organizations;

public sealed class OrganizationInputTests
{
    [Theory]
    [InlineData("stad-gent", true)]
    [InlineData("safe-brussels", true)]
    [InlineData("city2", true)]
    [InlineData("Stad-Gent", false)]
    [InlineData("stad--gent", false)]
    [InlineData("-gent", false)]
    [InlineData("stad gent", false)]
    [InlineData("", false)]
    public void Keys_are_lower_case_words_joined_by_single_hyphens(string key, bool valid)
    {
        var input = new OrganizationInput { Key = key, Name = "Stad Gent", City = "Gent", Country = "BE", WorkingLanguages = ["nl"] };
        Assert.Equal(valid, OrganizationInputValidator.Instance.Check(input).ErrorFor("Key") is null);
    }

    [Fact]
    public void Missing_fields_and_unknown_languages_are_reported_on_their_field()
    {
        var input = new OrganizationInput { Key = "x", Name = " ", City = "", Country = "Belgium", WorkingLanguages = ["de"] };
        var result = OrganizationInputValidator.Instance.Check(input);
        Assert.Equal("Validation.Required", result.ErrorFor("Name"));
        Assert.Equal("Validation.Required", result.ErrorFor("City"));
        Assert.Equal("Validation.Country", result.ErrorFor("Country"));
        Assert.Equal("Validation.WorkingLanguages", result.ErrorFor("WorkingLanguages"));
    }
}
