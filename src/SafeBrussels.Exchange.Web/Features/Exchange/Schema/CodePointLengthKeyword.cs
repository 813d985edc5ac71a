using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// <c>minLength</c> and <c>maxLength</c> counted in code points, as JSON Schema defines them and as PostgreSQL counts a
/// column's characters (JsonSchema.Net counts text elements, so "é" written as e + U+0301 would count one).
/// </summary>
internal sealed class CodePointLengthKeyword : IKeywordHandler
{
    private readonly bool _isMinimum;

    private CodePointLengthKeyword(string name, bool isMinimum)
    {
        Name = name;
        _isMinimum = isMinimum;
    }

    public static CodePointLengthKeyword Min { get; } = new("minLength", isMinimum: true);

    public static CodePointLengthKeyword Max { get; } = new("maxLength", isMinimum: false);

    public string Name { get; }

    public object? ValidateKeywordValue(JsonElement value) =>
        value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var limit) && limit >= 0
            ? limit
            : throw new JsonSchemaException($"'{Name}' must be a non-negative integer.");

    public void BuildSubschemas(KeywordData keyword, BuildContext context)
    {
    }

    public KeywordEvaluation Evaluate(KeywordData keyword, EvaluationContext context)
    {
        if (context.Instance.ValueKind != JsonValueKind.String)
        {
            return new KeywordEvaluation { Keyword = Name, IsValid = true };
        }

        var limit = (int)keyword.Value!;
        var length = CodePoints(context.Instance.GetString()!);
        var valid = _isMinimum ? length >= limit : length <= limit;
        return new KeywordEvaluation
        {
            Keyword = Name,
            IsValid = valid,
            Error = valid ? null : string.Create(CultureInfo.InvariantCulture, $"{length} code points, {Name} {limit}"),
        };
    }

    public static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
