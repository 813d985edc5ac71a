using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// Checks documents against the embedded exchange-v1 JSON Schema (2020-12) with JsonSchema.Net, and states what it finds as
/// the format's problems: a code, a JSONPath and the arguments of the localized messages, in document order.
/// </summary>
public static class ExchangeSchema
{
    public const string ResourceNameSuffix = "exchange-v1.schema.json";

    private static readonly Lazy<SchemaDocument> Schema = new(SchemaDocument.Load);

    /// <summary>Every problem of <paramref name="document"/>, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<ExchangeProblem> Validate(JsonElement document)
    {
        var schema = Schema.Value;
        var text = JsonTextCheck.Run(document);
        if (text.Problems.Count == 0)
        {
            // The quick answer first: most files are valid, and the detailed output costs three times as much.
            var flag = schema.Root.Evaluate(document, SchemaDocument.Options(OutputFormat.Flag));
            if (flag.IsValid)
            {
                return [];
            }
        }

        // A string that is not Unicode cannot be read by the validator: it is checked as an empty string and reported
        // as what it is; a property whose name is not Unicode is left out and reported.
        using var readable = text.Problems.Any(located => located.Problem.Code == ExchangeProblemCodes.Unicode) ? text.Readable() : null;
        var instance = readable?.RootElement ?? document;
        var results = schema.Root.Evaluate(instance, SchemaDocument.Options(OutputFormat.List));
        return new SchemaProblems(schema, document, instance).Collect(results, text.Problems);
    }

    /// <summary>The problem reported for a document that is not well-formed JSON, with a 1-based line and byte position.</summary>
    public static ExchangeProblem SyntaxError(JsonException exception) =>
        new("$", ExchangeProblemCodes.Json, [OneBased(exception.LineNumber), OneBased(exception.BytePositionInLine)]);

    private static string OneBased(long? zeroBased) => ((zeroBased ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
}
