using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

internal static class PracticeText
{
    /// <summary>
    /// The translation to show a reader of <paramref name="wanted"/> first: one in that language with a title, unless
    /// the practice is written in it. The catalogue, the practice page and the digest follow this one rule.
    /// </summary>
    public static PracticeTranslation? TranslationFor(string wanted, string original, IReadOnlyList<PracticeTranslation> translations) =>
        wanted == original ? null : translations.FirstOrDefault(t => t.Language == wanted && t.Title.Length > 0);

    public static string TitleIn(string wanted, string original, string title, IReadOnlyList<PracticeTranslation> translations) =>
        TranslationFor(wanted, original, translations)?.Title ?? title;

    public static string SummaryIn(string wanted, string original, string summary, IReadOnlyList<PracticeTranslation> translations) =>
        wanted == original ? summary : translations.FirstOrDefault(t => t.Language == wanted && t.Summary.Length > 0)?.Summary ?? summary;
}
