using Microsoft.Extensions.Localization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>
/// Real plurals: a text that counts has one key per plural category, <c>Key.One</c> and <c>Key.Other</c>, chosen
/// by the CLDR rules of the language for a whole number. French counts 0 and 1 as one ("0 résultat",
/// "1 résultat"); Dutch and English only 1 ("0 results", "1 result"). The three languages need no other category.
/// </summary>
public static class Plurals
{
    public const string One = "One";
    public const string Other = "Other";

    /// <summary>The CLDR plural category of <paramref name="count"/> in <paramref name="language"/>.</summary>
    public static string Category(long count, string language) =>
        SupportedLanguages.Normalize(language) == SupportedLanguages.French
            ? count is 0 or 1 ? One : Other
            : count == 1 ? One : Other;

    /// <summary>The key of <paramref name="key"/> for <paramref name="count"/> in the current language.</summary>
    public static string Key(string key, long count) => $"{key}.{Category(count, SupportedLanguages.Current)}";

    /// <summary>
    /// The text of <paramref name="key"/> for <paramref name="count"/> in the current language, formatted with
    /// <paramref name="arguments"/>, or with the count alone as <c>{0}</c> when none are given.
    /// </summary>
    public static LocalizedString Plural(this IStringLocalizer localizer, string key, long count, params object[] arguments) =>
        localizer[Key(key, count), arguments.Length == 0 ? [count] : arguments];
}
