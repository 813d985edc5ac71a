using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>Validates documents against the embedded exchange-v1 JSON Schema (draft 2020-12 subset).</summary>
public static class ExchangeSchema
{
    public const string ResourceNameSuffix = "exchange-v1.schema.json";

    /// <summary>Every problem of <paramref name="document"/>, in document order; empty when it is valid.</summary>
    public static IReadOnlyList<ExchangeProblem> Validate(JsonElement document) =>
        new SchemaValidator().Validate(EmbeddedSchema.Root, document);

    /// <summary>The problem reported for a document that is not well-formed JSON, with a 1-based line and byte position.</summary>
    public static ExchangeProblem SyntaxError(JsonException exception) =>
        new("$", ExchangeProblemCodes.Json, [OneBased(exception.LineNumber), OneBased(exception.BytePositionInLine)]);

    private static string OneBased(long? zeroBased) => ((zeroBased ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
}

file static class EmbeddedSchema
{
    public static SchemaNode Root { get; } = Load();

    private static SchemaNode Load()
    {
        var assembly = typeof(ExchangeSchema).Assembly;
        var resource = assembly.GetManifestResourceNames()
            .FirstOrDefault(name => name.EndsWith(ExchangeSchema.ResourceNameSuffix, StringComparison.Ordinal))
            ?? throw new InvalidOperationException(
                $"Assembly {assembly.GetName().Name} has no embedded resource ending with '{ExchangeSchema.ResourceNameSuffix}'.");
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Embedded resource '{resource}' cannot be opened.");
        using var document = JsonDocument.Parse(stream);
        return new SchemaCompiler(document.RootElement.Clone()).Compile();
    }
}

file sealed class SchemaNode
{
    public static SchemaNode Anything { get; } = new();

    public SchemaNode? Ref { get; set; }

    public IReadOnlyList<string>? Types { get; set; }

    public JsonElement? Const { get; set; }

    public IReadOnlyList<JsonElement>? Enum { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public EcmaPattern? Pattern { get; set; }

    public string? Format { get; set; }

    public IReadOnlyList<string> Required { get; set; } = [];

    public IReadOnlyDictionary<string, SchemaNode>? Properties { get; set; }

    public SchemaNode? AdditionalProperties { get; set; }

    public bool ForbidsAdditionalProperties { get; set; }

    public SchemaNode? PropertyNames { get; set; }

    public SchemaNode? Items { get; set; }

    public bool UniqueItems { get; set; }

    public bool HasStringKeywords => MinLength is not null || MaxLength is not null || Pattern is not null || Format is not null;

    public bool HasObjectKeywords =>
        Required.Count > 0 || Properties is not null || AdditionalProperties is not null || ForbidsAdditionalProperties || PropertyNames is not null;

    public bool HasArrayKeywords => Items is not null || UniqueItems;
}

file sealed class EcmaPattern
{
    private readonly Regex _regex;

    public EcmaPattern(string source)
    {
        Source = source;
        _regex = new Regex(AnchorDollarAtEndOfInput(source), RegexOptions.ECMAScript | RegexOptions.CultureInvariant);
    }

    public string Source { get; }

    public bool IsMatch(string value) => _regex.IsMatch(value);

    // ECMAScript '$' (without the m flag) matches only at the end of the input; .NET's also matches before a final '\n'.
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

file sealed class SchemaCompiler(JsonElement root)
{
    private static readonly HashSet<string> Annotations = new(StringComparer.Ordinal)
    {
        "$schema", "$id", "$comment", "title", "description", "examples", "default", "deprecated", "readOnly", "writeOnly",
    };

    private static readonly HashSet<string> TypeNames = new(StringComparer.Ordinal)
    {
        "string", "object", "array", "integer", "number", "boolean", "null",
    };

    private static readonly HashSet<string> Formats = new(StringComparer.Ordinal) { "date", "date-time", "email" };

    private readonly Dictionary<string, SchemaNode> _compiled = new(StringComparer.Ordinal);

    public SchemaNode Compile() => Compile(root, "#");

    private SchemaNode Compile(JsonElement schema, string pointer)
    {
        if (_compiled.TryGetValue(pointer, out var existing))
        {
            return existing;
        }

        var node = new SchemaNode();
        _compiled[pointer] = node;
        if (schema.ValueKind == JsonValueKind.True)
        {
            return node;
        }

        if (schema.ValueKind != JsonValueKind.Object)
        {
            throw Unsupported(pointer, "a schema must be an object or true");
        }

        foreach (var keyword in schema.EnumerateObject())
        {
            Apply(node, keyword.Name, keyword.Value, $"{pointer}/{EscapePointer(keyword.Name)}");
        }

        return node;
    }

    private void Apply(SchemaNode node, string keyword, JsonElement value, string pointer)
    {
        switch (keyword)
        {
            case "$defs":
                CompileEach(value, pointer);
                break;
            case "$ref":
                node.Ref = Resolve(value.GetString() ?? throw Unsupported(pointer, "$ref must be a string"), pointer);
                break;
            case "type":
                node.Types = ReadTypes(value, pointer);
                break;
            case "required":
                node.Required = value.EnumerateArray().Select(name => name.GetString()!).ToArray();
                break;
            case "properties":
                node.Properties = value.EnumerateObject().ToDictionary(
                    property => property.Name,
                    property => Compile(property.Value, $"{pointer}/{EscapePointer(property.Name)}"),
                    StringComparer.Ordinal);
                break;
            case "additionalProperties" when value.ValueKind == JsonValueKind.False:
                node.ForbidsAdditionalProperties = true;
                break;
            case "additionalProperties":
                node.AdditionalProperties = Compile(value, pointer);
                break;
            case "propertyNames":
                node.PropertyNames = Compile(value, pointer);
                break;
            case "const":
                node.Const = value;
                break;
            case "enum":
                node.Enum = value.EnumerateArray().ToArray();
                break;
            case "pattern":
                node.Pattern = new EcmaPattern(value.GetString()!);
                break;
            case "minLength":
                node.MinLength = value.GetInt32();
                break;
            case "maxLength":
                node.MaxLength = value.GetInt32();
                break;
            case "format":
                node.Format = ReadFormat(value, pointer);
                break;
            case "items":
                node.Items = Compile(value, pointer);
                break;
            case "uniqueItems":
                node.UniqueItems = value.GetBoolean();
                break;
            default:
                if (!Annotations.Contains(keyword))
                {
                    throw Unsupported(pointer, $"keyword '{keyword}' is not supported");
                }

                break;
        }
    }

    private void CompileEach(JsonElement definitions, string pointer)
    {
        foreach (var definition in definitions.EnumerateObject())
        {
            Compile(definition.Value, $"{pointer}/{EscapePointer(definition.Name)}");
        }
    }

    private SchemaNode Resolve(string reference, string pointer)
    {
        if (reference != "#" && !reference.StartsWith("#/", StringComparison.Ordinal))
        {
            throw Unsupported(pointer, $"only local references are supported, not '{reference}'");
        }

        var target = root;
        foreach (var token in reference.Split('/').Skip(1))
        {
            var name = token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);
            if (target.ValueKind != JsonValueKind.Object || !target.TryGetProperty(name, out target))
            {
                throw Unsupported(pointer, $"reference '{reference}' does not resolve");
            }
        }

        return Compile(target, reference);
    }

    private static IReadOnlyList<string> ReadTypes(JsonElement value, string pointer)
    {
        var types = value.ValueKind == JsonValueKind.Array
            ? value.EnumerateArray().Select(type => type.GetString() ?? string.Empty).ToArray()
            : [value.GetString() ?? string.Empty];
        var unknown = types.FirstOrDefault(type => !TypeNames.Contains(type));
        return unknown is null ? types : throw Unsupported(pointer, $"type '{unknown}' is unknown");
    }

    private static string ReadFormat(JsonElement value, string pointer)
    {
        var format = value.GetString() ?? string.Empty;
        return Formats.Contains(format) ? format : throw Unsupported(pointer, $"format '{format}' is not supported");
    }

    private static string EscapePointer(string name) =>
        name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static NotSupportedException Unsupported(string pointer, string reason) =>
        new($"Exchange schema at {pointer}: {reason}.");
}

file sealed class SchemaValidator
{
    private readonly List<ExchangeProblem> _problems = [];

    public IReadOnlyList<ExchangeProblem> Validate(SchemaNode schema, JsonElement document)
    {
        ValidateDecodable(schema, document, "$");
        return _problems;
    }

    private bool ValidateDecodable(SchemaNode schema, JsonElement value, string path)
    {
        if (value.ValueKind == JsonValueKind.String && !JsonText.IsDecodable(value))
        {
            Report(path, ExchangeProblemCodes.Unicode);
            return false;
        }

        Validate(schema, value, path);
        return true;
    }

    private bool Validate(SchemaNode schema, JsonElement value, string path)
    {
        if (schema.Ref is { } target && !Validate(target, value, path))
        {
            return false;
        }

        if (!HasAllowedType(schema, value, path))
        {
            return false;
        }

        ValidateConstAndEnum(schema, value, path);
        switch (value.ValueKind)
        {
            case JsonValueKind.String when schema.HasStringKeywords:
                ValidateString(schema, value.GetString()!, path);
                break;
            case JsonValueKind.Object when schema.HasObjectKeywords:
                ValidateObject(schema, value, path);
                break;
            case JsonValueKind.Array when schema.HasArrayKeywords:
                ValidateArray(schema, value, path);
                break;
        }

        return true;
    }

    private bool HasAllowedType(SchemaNode schema, JsonElement value, string path)
    {
        if (schema.Types is not { } types || types.Any(type => JsonTypes.Matches(type, value)))
        {
            return true;
        }

        Report(path, ExchangeProblemCodes.Type, string.Join("/", types), JsonTypes.NameOf(value));
        return false;
    }

    private void ValidateConstAndEnum(SchemaNode schema, JsonElement value, string path)
    {
        if (schema.Const is { } expected && !JsonText.AreEqual(expected, value))
        {
            Report(path, ExchangeProblemCodes.Const, Display.Value(expected));
        }

        if (schema.Enum is { } allowed && !allowed.Any(candidate => JsonText.AreEqual(candidate, value)))
        {
            Report(path, ExchangeProblemCodes.Enum, Display.Value(value), Display.List(allowed));
        }
    }

    private void ValidateString(SchemaNode schema, string value, string path)
    {
        ValidateLength(schema, value, path);
        if (schema.Pattern is { } pattern && !pattern.IsMatch(value))
        {
            Report(path, ExchangeProblemCodes.Pattern, Display.Text(value), pattern.Source);
        }

        if (schema.Format is { } format && StringFormats.Check(format, value) is { } code)
        {
            Report(path, code, Display.Text(value));
        }
    }

    private void ValidateLength(SchemaNode schema, string value, string path)
    {
        if (schema.MinLength is null && schema.MaxLength is null)
        {
            return;
        }

        var length = CodePoints(value);
        if (schema.MinLength is { } min && length < min)
        {
            ReportTooShort(path, min, length);
        }

        if (schema.MaxLength is { } max && length > max)
        {
            Report(path, ExchangeProblemCodes.MaxLength, Invariant(max), Invariant(length));
        }
    }

    private void ReportTooShort(string path, int min, int length)
    {
        if (min == 1)
        {
            Report(path, ExchangeProblemCodes.Empty);
        }
        else
        {
            Report(path, ExchangeProblemCodes.MinLength, Invariant(min), Invariant(length));
        }
    }

    private void ValidateObject(SchemaNode schema, JsonElement value, string path)
    {
        foreach (var name in schema.Required.Where(name => !value.TryGetProperty(name, out _)))
        {
            Report(path, ExchangeProblemCodes.Required, name);
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in value.EnumerateObject())
        {
            if (!JsonText.TryGetName(property, out var name))
            {
                Report(JsonPaths.EscapedProperty(path, property), ExchangeProblemCodes.Unicode);
                continue;
            }

            var propertyPath = JsonPaths.Property(path, name);
            if (!seen.Add(name))
            {
                Report(propertyPath, ExchangeProblemCodes.DuplicateProperty, name);
            }

            ValidatePropertyName(schema, name, propertyPath);
            ValidatePropertyValue(schema, name, property.Value, propertyPath);
        }
    }

    private void ValidatePropertyName(SchemaNode schema, string name, string path)
    {
        if (schema.PropertyNames is not { } nameSchema)
        {
            return;
        }

        using var nameDocument = JsonDocument.Parse($"\"{JsonEncodedText.Encode(name)}\"");
        var nameProblems = new SchemaValidator().Validate(nameSchema, nameDocument.RootElement);
        if (nameProblems.Count > 0)
        {
            Report(path, ExchangeProblemCodes.PropertyName, Display.Text(name), Display.Allowed(nameSchema, nameProblems));
        }
    }

    private void ValidatePropertyValue(SchemaNode schema, string name, JsonElement value, string path)
    {
        if (schema.Properties?.GetValueOrDefault(name) is { } propertySchema)
        {
            ValidateDecodable(propertySchema, value, path);
        }
        else if (schema.ForbidsAdditionalProperties)
        {
            Report(path, ExchangeProblemCodes.AdditionalProperty, name);
        }
        else
        {
            ValidateDecodable(schema.AdditionalProperties ?? SchemaNode.Anything, value, path);
        }
    }

    private void ValidateArray(SchemaNode schema, JsonElement value, string path)
    {
        var distinct = schema.UniqueItems ? new DistinctValues() : null;
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var itemPath = JsonPaths.Index(path, index++);
            var decodable = ValidateDecodable(schema.Items ?? SchemaNode.Anything, item, itemPath);
            if (decodable && distinct is not null && !distinct.Add(item))
            {
                Report(itemPath, ExchangeProblemCodes.UniqueItems, Display.Value(item));
            }
        }
    }

    private void Report(string path, string code, params string[] args) => _problems.Add(new ExchangeProblem(path, code, args));

    private static int CodePoints(string value)
    {
        var count = 0;
        foreach (var _ in value.EnumerateRunes())
        {
            count++;
        }

        return count;
    }

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);
}

file sealed class DistinctValues
{
    private readonly Dictionary<string, List<JsonElement>> _buckets = new(StringComparer.Ordinal);

    public bool Add(JsonElement value)
    {
        var key = BucketKey(value);
        if (!_buckets.TryGetValue(key, out var bucket))
        {
            _buckets[key] = [value];
            return true;
        }

        if (bucket.Any(seen => JsonText.AreEqual(seen, value)))
        {
            return false;
        }

        bucket.Add(value);
        return true;
    }

    private static string BucketKey(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => "s" + value.GetString(),
        JsonValueKind.Number when value.TryGetDouble(out var number) => "n" + number.ToString("R", CultureInfo.InvariantCulture),
        _ => value.ValueKind.ToString(),
    };
}

file static class JsonTypes
{
    public static bool Matches(string type, JsonElement value) => type switch
    {
        "integer" => value.ValueKind == JsonValueKind.Number && IsInteger(value),
        "number" => value.ValueKind == JsonValueKind.Number,
        _ => type == NameOf(value),
    };

    public static string NameOf(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static bool IsInteger(JsonElement value) =>
        value.TryGetInt64(out _) || (value.TryGetDouble(out var number) && double.IsFinite(number) && Math.Floor(number) == number);
}

file static class JsonText
{
    public static bool AreEqual(JsonElement left, JsonElement right)
    {
        try
        {
            return JsonElement.DeepEquals(left, right);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static bool IsDecodable(JsonElement value)
    {
        try
        {
            _ = value.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    public static bool TryGetName(JsonProperty property, [NotNullWhen(true)] out string? name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = null;
            return false;
        }
    }
}

file static class JsonPaths
{
    public static string Index(string path, int index) => $"{path}[{index.ToString(CultureInfo.InvariantCulture)}]";

    public static string Property(string path, string name) =>
        IsIdentifier(name) ? $"{path}.{name}" : $"{path}['{Display.Escape(name, quote: true)}']";

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

file static class Display
{
    private const int MaxRunes = 80;

    public static string Value(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Text(value.GetString()!) : Text(value.GetRawText());

    public static string Text(string value) => Escape(Abbreviate(value), quote: false);

    public static string List(IEnumerable<JsonElement> values) => string.Join(", ", values.Select(Value));

    public static string Allowed(SchemaNode schema, IReadOnlyList<ExchangeProblem> problems)
    {
        var resolved = schema;
        while (resolved.Ref is { } target && resolved.Enum is null && resolved.Const is null && resolved.Pattern is null)
        {
            resolved = target;
        }

        return resolved switch
        {
            { Enum: { } allowed } => List(allowed),
            { Const: { } expected } => Value(expected),
            { Pattern: { } pattern } => pattern.Source,
            _ => string.Join("; ", problems.Select(problem => problem.Message)),
        };
    }

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

file static class StringFormats
{
    private static readonly Regex DateShape = new(
        "^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})\\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly Regex DateTimeShape = new(
        "^(?<year>[0-9]{4})-(?<month>[0-9]{2})-(?<day>[0-9]{2})[Tt]" +
        "(?<hour>[0-9]{2}):(?<minute>[0-9]{2}):(?<second>[0-9]{2})(\\.[0-9]+)?" +
        "([Zz]|(?<sign>[+-])(?<offsetHour>[0-9]{2}):(?<offsetMinute>[0-9]{2}))\\z",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture);

    private static readonly TimeSpan MaxOffset = TimeSpan.FromHours(14);

    public static string? Check(string format, string value) => format switch
    {
        "date" => IsDate(value) ? null : ExchangeProblemCodes.Date,
        "date-time" => IsDateTime(value) ? null : ExchangeProblemCodes.DateTime,
        "email" => IsEmail(value) ? null : ExchangeProblemCodes.Email,
        _ => null,
    };

    private static bool IsDate(string value)
    {
        var match = DateShape.Match(value);
        return match.Success && IsCalendarDate(match);
    }

    // Leap seconds, offsets beyond ±14:00 and instants outside DateTimeOffset's range are refused: the importer could not read them.
    private static bool IsDateTime(string value)
    {
        var match = DateTimeShape.Match(value);
        return match.Success
            && IsCalendarDate(match)
            && IsClockTime(match)
            && (!match.Groups["sign"].Success || IsOffset(match))
            && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind, out _);
    }

    private static bool IsClockTime(Match match) =>
        Number(match, "hour") <= 23 && Number(match, "minute") <= 59 && Number(match, "second") <= 59;

    private static bool IsOffset(Match match)
    {
        var minutes = Number(match, "offsetMinute");
        return minutes <= 59 && new TimeSpan(Number(match, "offsetHour"), minutes, 0) <= MaxOffset;
    }

    private static bool IsCalendarDate(Match match)
    {
        var (year, month, day) = (Number(match, "year"), Number(match, "month"), Number(match, "day"));
        return year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month);
    }

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].ValueSpan, CultureInfo.InvariantCulture);

    private static bool IsEmail(string value)
    {
        var at = value.IndexOf('@', StringComparison.Ordinal);
        if (at <= 0 || at != value.LastIndexOf('@') || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            return false;
        }

        var labels = value[(at + 1)..].Split('.');
        return labels.Length >= 2 && labels.All(label => label.Length > 0);
    }
}
