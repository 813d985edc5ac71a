using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Tests.Support;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Localization;

public sealed class PluralsTests
{
    [Theory]
    [InlineData("fr", 0, "One")]
    [InlineData("fr", 1, "One")]
    [InlineData("fr", 2, "Other")]
    [InlineData("fr", 1000, "Other")]
    [InlineData("nl", 0, "Other")]
    [InlineData("nl", 1, "One")]
    [InlineData("nl", 2, "Other")]
    [InlineData("en", 0, "Other")]
    [InlineData("en", 1, "One")]
    [InlineData("en", 14, "Other")]
    public void The_category_follows_the_CLDR_rule_of_the_language(string language, long count, string category)
    {
        Assert.Equal(category, Plurals.Category(count, language));
    }

    [Theory]
    [InlineData("fr", 0, "0 résultat")]
    [InlineData("fr", 1, "1 résultat")]
    [InlineData("fr", 2, "2 résultats")]
    [InlineData("nl", 0, "0 resultaten")]
    [InlineData("nl", 1, "1 resultaat")]
    [InlineData("nl", 14, "14 resultaten")]
    [InlineData("en", 1, "1 result")]
    [InlineData("en", 2, "2 results")]
    public void A_count_reads_as_a_real_plural_in_each_language(string language, long count, string expected)
    {
        using var provider = new ServiceCollection().AddRealLocalization().BuildServiceProvider();
        using var scope = CultureScope.Use(language);

        Assert.Equal(expected, TestServices.Localizer(provider).Plural("Search.Count", count).Value);
    }
}
