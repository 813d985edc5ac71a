using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Localization;

/// <summary>The platform's three working languages.</summary>
public static class SupportedLanguages
{
    public const string French = "fr";
    public const string Dutch = "nl";
    public const string English = "en";

    /// <summary>Used when nothing else decides: the common language of the partners.</summary>
    public const string Default = English;

    public static IReadOnlyList<string> All { get; } = [French, Dutch, English];

    public static bool IsSupported(string? language) =>
        language is not null && All.Contains(language, StringComparer.OrdinalIgnoreCase);

    public static string Normalize(string? language)
    {
        var code = language?.Split('-')[0].ToLowerInvariant();
        return IsSupported(code) ? code! : Default;
    }

    public static string Current => Normalize(CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The name of a language in that language (for the switcher).</summary>
    public static string NativeName(string language) => language switch
    {
        French => "Français",
        Dutch => "Nederlands",
        _ => "English",
    };
}
