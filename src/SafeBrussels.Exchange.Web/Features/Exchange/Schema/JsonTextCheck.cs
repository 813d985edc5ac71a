using System.Buffers;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// What JSON Schema cannot see in a parsed document: a property repeated in one object, and text that is not Unicode
/// (an unpaired surrogate escape such as <c>\ud800</c>), which cannot be read as a string at all.
/// </summary>
internal sealed class JsonTextCheck
{
    private readonly JsonElement _document;
    private readonly List<LocatedProblem> _problems = [];

    private JsonTextCheck(JsonElement document) => _document = document;

    public IReadOnlyList<LocatedProblem> Problems => _problems;

    public static JsonTextCheck Run(JsonElement document)
    {
        var check = new JsonTextCheck(document);
        check.Visit(document);
        return check;
    }

    /// <summary>The document with each string that is not Unicode made empty and each such property name left out.</summary>
    public JsonDocument Readable()
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            WriteReadable(writer, _document);
        }

        return JsonDocument.Parse(buffer.WrittenMemory);
    }

    // The walk keeps the steps from the root and makes a path only for what it reports: most documents have nothing to report.
    private readonly List<Step> _steps = [];

    private void Visit(JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !IsReadable(value):
                Report(ExchangeProblemCodes.Unicode);
                break;
            case JsonValueKind.Object:
                VisitObject(value);
                break;
            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in value.EnumerateArray())
                {
                    _steps.Add(new Step(index++, Name: null, Property: null));
                    Visit(item);
                    _steps.RemoveAt(_steps.Count - 1);
                }

                break;
        }
    }

    private void VisitObject(JsonElement value)
    {
        HashSet<string>? seen = null;
        var place = 0;
        foreach (var property in value.EnumerateObject())
        {
            var readable = TryGetName(property, out var name);
            _steps.Add(new Step(place++, readable ? name : null, property));
            if (!readable)
            {
                Report(ExchangeProblemCodes.Unicode);
            }
            else
            {
                seen ??= new HashSet<string>(StringComparer.Ordinal);
                if (!seen.Add(name))
                {
                    Report(ExchangeProblemCodes.DuplicateProperty, name);
                }

                Visit(property.Value);
            }

            _steps.RemoveAt(_steps.Count - 1);
        }
    }

    private void Report(string code, params string[] args)
    {
        var path = "$";
        foreach (var step in _steps)
        {
            path = step.Property is not { } property ? ProblemPaths.Index(path, step.Position)
                : step.Name is { } name ? ProblemPaths.Property(path, name)
                : ProblemPaths.EscapedProperty(path, property);
        }

        var problem = new ExchangeProblem(path, code, args);
        _problems.Add(new LocatedProblem(problem, _steps.Select(step => step.Position).ToArray(), ProblemRanks.Of(code)));
    }

    private static void WriteReadable(Utf8JsonWriter writer, JsonElement value)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String when !IsReadable(value):
                writer.WriteStringValue(string.Empty);
                break;
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in value.EnumerateObject())
                {
                    if (TryGetName(property, out var name))
                    {
                        writer.WritePropertyName(name);
                        WriteReadable(writer, property.Value);
                    }
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in value.EnumerateArray())
                {
                    WriteReadable(writer, item);
                }

                writer.WriteEndArray();
                break;
            default:
                value.WriteTo(writer);
                break;
        }
    }

    private static bool IsReadable(JsonElement value)
    {
        // Only an escape can spell a surrogate that is not paired; text without one is read without making a string.
        if (JsonMarshal.GetRawUtf8Value(value).IndexOf((byte)'\\') < 0)
        {
            return true;
        }

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

    public static bool TryGetName(JsonProperty property, out string name)
    {
        try
        {
            name = property.Name;
            return true;
        }
        catch (InvalidOperationException)
        {
            name = string.Empty;
            return false;
        }
    }

    private readonly record struct Step(int Position, string? Name, JsonProperty? Property);
}
