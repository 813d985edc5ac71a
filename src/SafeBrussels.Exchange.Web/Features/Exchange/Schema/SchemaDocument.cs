using System.Text.Json;
using Json.Schema;
using Json.Schema.Keywords;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// The exchange schema as JsonSchema.Net builds it, and as text, where a failed keyword's value (the allowed values, the
/// pattern, the required names) is read for the message.
/// </summary>
internal sealed class SchemaDocument
{
    private static readonly Uri BaseUri = new("https://schemas.safe.brussels/exchange/");

    private SchemaDocument(JsonSchema root, JsonDocument source)
    {
        Root = root;
        Source = source;
    }

    public JsonSchema Root { get; }

    public JsonDocument Source { get; }

    public static SchemaDocument Load()
    {
        var assembly = typeof(ExchangeSchema).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(name => name.EndsWith(ExchangeSchema.ResourceNameSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"Assembly {assembly.GetName().Name} has no embedded resource ending with '{ExchangeSchema.ResourceNameSuffix}'.");
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var reader = new StreamReader(stream);
        var text = reader.ReadToEnd();
        // The schema names 2020-12 in "$schema": that name leads to the exchange dialect, in a registry of its own.
        var dialects = new DialectRegistry();
        dialects.Register(ExchangeDialect);
        var build = new BuildOptions { Dialect = ExchangeDialect, DialectRegistry = dialects, SchemaRegistry = new SchemaRegistry() };
        return new SchemaDocument(JsonSchema.FromText(text, build, BaseUri), JsonDocument.Parse(text));
    }

    public static EvaluationOptions Options(OutputFormat output) => output == OutputFormat.Flag ? FlagOptions : ListOptions;

    /// <summary>
    /// The value of <paramref name="keyword"/> in the subschema reached by <paramref name="evaluationPath"/>, references
    /// followed. JsonSchema.Net 8 names the step into an array's items twice ("items/items"), and its schema locations
    /// inside items are wrong, so the path is followed here.
    /// </summary>
    public JsonElement Keyword(IReadOnlyList<string> evaluationPath, string keyword)
    {
        var subschema = Source.RootElement;
        for (var i = 0; i < evaluationPath.Count; i++)
        {
            var step = evaluationPath[i];
            subschema = step == "$ref" ? Resolve(subschema.GetProperty(step).GetString()!) : subschema.GetProperty(step);
            if (step == "items" && i + 1 < evaluationPath.Count && evaluationPath[i + 1] == "items")
            {
                i++;
            }
        }

        return subschema.GetProperty(keyword);
    }

    private JsonElement Resolve(string reference)
    {
        var target = Source.RootElement;
        foreach (var token in reference.TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            target = target.GetProperty(token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal));
        }

        return target;
    }

    private static readonly EvaluationOptions FlagOptions = NewOptions(OutputFormat.Flag);

    private static readonly EvaluationOptions ListOptions = NewOptions(OutputFormat.List);

    /// <summary>
    /// The keywords the format uses, as JSON Schema 2020-12 defines them, but for three that the format reads more exactly
    /// than the library: lengths in code points (the database's unit), and patterns whose <c>$</c> ends the text as in
    /// ECMAScript. Any other keyword in the schema is an error when it is built.
    /// </summary>
    private static readonly Dialect ExchangeDialect = new(
    [
        SchemaKeyword.Instance, IdKeyword.Instance, DefsKeyword.Instance, RefKeyword.Instance, CommentKeyword.Instance,
        TitleKeyword.Instance, DescriptionKeyword.Instance, ExamplesKeyword.Instance, DefaultKeyword.Instance,
        TypeKeyword.Instance, ConstKeyword.Instance, EnumKeyword.Instance, FormatKeyword.Instance,
        RequiredKeyword.Instance, PropertiesKeyword.Instance, PatternPropertiesKeyword.Instance, AdditionalPropertiesKeyword.Instance, PropertyNamesKeyword.Instance,
        PrefixItemsKeyword.Instance, ItemsKeyword.Instance, UniqueItemsKeyword.Instance,
        CodePointLengthKeyword.Min, CodePointLengthKeyword.Max, EcmaPatternKeyword.Instance,
    ])
    {
        Id = new Uri("https://json-schema.org/draft/2020-12/schema"),
        AllowUnknownKeywords = false,
    };

    private static EvaluationOptions NewOptions(OutputFormat output)
    {
        var options = new EvaluationOptions { OutputFormat = output, RequireFormatValidation = true };
        options.FormatRegistry.Register(ImportableDateTime.Format);
        // The address rule of the practice editor: what a person can save, a file can carry, and back (export, import).
        options.FormatRegistry.Register(new PredicateFormat("email", value => value.ValueKind != JsonValueKind.String || Practices.PracticeInput.IsEmail(value.GetString()!)));
        return options;
    }
}
