using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>JSONPaths as the problems give them: <c>$.practices[3].title</c>, <c>$['weird key']</c>.</summary>
internal static class ProblemPaths
{
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string Property(string path, string name) =>
        IsIdentifier(name) ? $"{path}.{name}" : $"{path}['{ProblemValues.Escape(name, quote: true)}']";

    /// <summary>The path of a property whose name is not Unicode, spelled with the escapes it was written with.</summary>
    public static string EscapedProperty(string path, JsonProperty property)
    {
        var raw = property.ToString();
        var name = new StringBuilder();
        for (var i = 1; i < raw.Length && raw[i] != '"'; i++)
        {
            var c = raw[i];
            if (c == '\\')
            {
                var escaped = raw[++i];
                name.Append(escaped == '"' ? "\"" : $"\\{escaped}");
            }
            else
            {
                name.Append(c == '\'' ? @"\'" : c.ToString());
            }
        }

        return $"{path}['{name}']";
    }

    private static bool IsIdentifier(string name) =>
        name.Length > 0 && (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
