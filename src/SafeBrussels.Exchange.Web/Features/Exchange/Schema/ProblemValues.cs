using System.Text;
using System.Text.Json;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>Values as the messages quote them: on one line, shortened to 80 characters.</summary>
internal static class ProblemValues
{
    private const int MaxRunes = 80;

    public static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Text(value.GetString()!) : Text(value.GetRawText());

    public static string Text(string value) => Escape(Abbreviate(value), quote: false);

    public static string List(JsonElement values) => string.Join(", ", values.EnumerateArray().Select(Value));

    public static string Escape(string value, bool quote)
    {
        var result = new StringBuilder(value.Length);
        foreach (var c in value)
        {
            result.Append(c switch
            {
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\'' when quote => @"\'",
                '\\' when quote => @"\\",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }

        return result.ToString();
    }

    private static string Abbreviate(string value)
    {
        if (value.Length <= MaxRunes)
        {
            return value;
        }

        var kept = new StringBuilder();
        var count = 0;
        foreach (var rune in value.EnumerateRunes())
        {
            if (++count > MaxRunes)
            {
                return kept.Append('…').ToString();
            }

            kept.Append(rune.ToString());
        }

        return value;
    }
}
