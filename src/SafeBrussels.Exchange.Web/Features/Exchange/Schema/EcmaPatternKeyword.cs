using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Json.Schema;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// <c>pattern</c> with ECMAScript's meaning of <c>$</c>: the end of the text. .NET's <c>$</c> also matches before a final
/// line feed, so "BE\n" would pass <c>^[A-Z]{2}$</c>.
/// </summary>
internal sealed class EcmaPatternKeyword : IKeywordHandler
{
    public static EcmaPatternKeyword Instance { get; } = new();

    public string Name => "pattern";

    public object? ValidateKeywordValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.String
            ? new Regex(AnchorDollarAtEndOfInput(value.GetString()!), RegexOptions.ECMAScript | RegexOptions.CultureInvariant)
            : throw new JsonSchemaException("'pattern' must be a string.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        var valid = context.Instance.ValueKind != JsonValueKind.String || ((Regex)keyword.Value!).IsMatch(context.Instance.GetString()!);
        return new KeywordEvaluation { Keyword = Name, IsValid = valid, Error = valid ? null : "does not match the pattern" };
    }

    private static string AnchorDollarAtEndOfInput(string source)
    {
        var result = new StringBuilder(source.Length + 4);
        var inClass = false;
        for (var i = 0; i < source.Length; i++)
        {
            var c = source[i];
            if (c == '\\' && i + 1 < source.Length)
            {
                result.Append(c).Append(source[++i]);
                continue;
            }

            inClass = c switch
            {
                '[' => true,
                ']' => false,
                _ => inClass,
            };
            result.Append(c == '$' && !inClass ? @"\z" : c.ToString());
        }

        return result.ToString();
    }
}
