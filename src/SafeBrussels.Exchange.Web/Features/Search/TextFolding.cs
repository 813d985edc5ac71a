using System.Globalization;
using System.Text;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Words as search compares them: lower case, accents folded, letters and digits only.</summary>
public static class TextFolding
{
    public static string Fold(string text)
    {
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        // Ligatures the decomposition keeps (œ, æ, ß) are spelled out as people type them.
        return builder.ToString().Normalize(NormalizationForm.FormC)
            .Replace("œ", "oe", StringComparison.Ordinal).Replace("æ", "ae", StringComparison.Ordinal).Replace("ß", "ss", StringComparison.Ordinal);
    }

    /// <summary>The folded words of <paramref name="text"/>: runs of letters and digits.</summary>
    public static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in Fold(text))
        {
            if (char.IsLetterOrDigit(c))
            {
                current.Append(c);
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }

        if (current.Length > 0)
        {
            words.Add(current.ToString());
        }

        return words;
    }
}
