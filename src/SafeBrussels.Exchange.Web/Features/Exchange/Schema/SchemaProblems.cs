using System.Globalization;
using System.Text.Json;
using Json.Schema;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// Turns JsonSchema.Net's list of failed keywords into the format's problems: each keyword's code and message arguments,
/// read from the schema and the document, at the document's path, in document order.
/// </summary>
internal sealed class SchemaProblems(SchemaDocument schema, JsonElement document, JsonElement evaluated)
{
    private const string PropertyNamesKeyword = "propertyNames";
    private const string AdditionalPropertiesKeyword = "additionalProperties";

    private readonly List<LocatedProblem> _found = [];

    public IReadOnlyList<ExchangeProblem> Collect(EvaluationResults results, IReadOnlyList<LocatedProblem> textProblems)
    {
        foreach (var failed in (results.Details ?? []).Where(detail => detail.Errors is { Count: > 0 }))
        {
            foreach (var keyword in failed.Errors!.Keys)
            {
                Add(failed, keyword);
            }
        }

        // Text problems inside a value refused as a whole are left to the one problem that refused it.
        var refused = _found.Where(p => p.Problem.Code is ExchangeProblemCodes.Type or ExchangeProblemCodes.AdditionalProperty).ToArray();
        return Prune(_found, textProblems)
            .Concat(textProblems.Where(text => !refused.Any(container => IsInside(text.Position, container.Position))))
            .Order(Comparer<LocatedProblem>.Create(LocatedProblem.Compare))
            .Select(located => located.Problem)
            .ToArray();
    }

    private void Add(EvaluationResults failed, string keyword)
    {
        var location = Locate(failed.InstanceLocation.ToString());
        var evaluationPath = Segments(failed.EvaluationPath.ToString());
        if (evaluationPath.Contains(PropertyNamesKeyword))
        {
            // The name was checked as a value: one problem for the property, saying what names are allowed.
            Report(location, ExchangeProblemCodes.PropertyName, ProblemValues.Text(location.Name!), Allowed(failed, keyword));
            return;
        }

        var instance = location.Value;
        switch (keyword)
        {
            case "" when evaluationPath.Count > 0 && evaluationPath[^1] == AdditionalPropertiesKeyword:
                Report(location, ExchangeProblemCodes.AdditionalProperty, location.Name!);
                break;
            case "type":
                Report(location, ExchangeProblemCodes.Type, ExpectedTypes(Keyword(failed, keyword)), TypeName(instance));
                break;
            case "const":
                Report(location, ExchangeProblemCodes.Const, ProblemValues.Value(Keyword(failed, keyword)));
                break;
            case "enum":
                Report(location, ExchangeProblemCodes.Enum, ProblemValues.Value(instance), ProblemValues.List(Keyword(failed, keyword)));
                break;
            case "minLength":
                ReportTooShort(location, Keyword(failed, keyword).GetInt32(), instance.GetString()!);
                break;
            case "maxLength":
                Report(
                    location,
                    ExchangeProblemCodes.MaxLength,
                    Invariant(Keyword(failed, keyword).GetInt32()),
                    Invariant(CodePointLengthKeyword.CodePoints(instance.GetString()!)));
                break;
            case "pattern":
                Report(location, ExchangeProblemCodes.Pattern, ProblemValues.Text(instance.GetString()!), Keyword(failed, keyword).GetString()!);
                break;
            case "format":
                Report(location, FormatCode(Keyword(failed, keyword).GetString()!), ProblemValues.Text(instance.GetString()!));
                break;
            case "required":
                foreach (var name in Keyword(failed, keyword).EnumerateArray().Select(name => name.GetString()!)
                             .Where(name => !instance.TryGetProperty(name, out _)))
                {
                    Report(location, ExchangeProblemCodes.Required, name);
                }

                break;
            case "uniqueItems":
                ReportDuplicateItems(location);
                break;
            default:
                throw new NotSupportedException(
                    $"Exchange schema: no problem is defined for keyword '{keyword}' at {failed.SchemaLocation} ({failed.Errors![keyword]}).");
        }
    }

    private void ReportTooShort(Location location, int min, string value)
    {
        if (min == 1)
        {
            Report(location, ExchangeProblemCodes.Empty);
        }
        else
        {
            Report(location, ExchangeProblemCodes.MinLength, Invariant(min), Invariant(CodePointLengthKeyword.CodePoints(value)));
        }
    }

    private void ReportDuplicateItems(Location array)
    {
        var distinct = new DistinctValues();
        var index = 0;
        foreach (var item in array.Value.EnumerateArray())
        {
            if (!distinct.Add(item))
            {
                var itemLocation = new Location(ProblemPaths.Index(array.Path, index), [.. array.Position, index], item, Name: null);
                Report(itemLocation, ExchangeProblemCodes.UniqueItems, ProblemValues.Value(item));
            }

            index++;
        }
    }

    private string Allowed(EvaluationResults failed, string keyword) => keyword switch
    {
        "enum" => ProblemValues.List(Keyword(failed, keyword)),
        "const" => ProblemValues.Value(Keyword(failed, keyword)),
        "pattern" => Keyword(failed, keyword).GetString()!,
        _ => failed.Errors![keyword],
    };

    private JsonElement Keyword(EvaluationResults failed, string keyword) =>
        schema.Keyword(Segments(failed.EvaluationPath.ToString()), keyword);

    private void Report(Location location, string code, params string[] args) =>
        _found.Add(new LocatedProblem(new ExchangeProblem(location.Path, code, args), location.Position, ProblemRanks.Of(code)));

    /// <summary>
    /// What the format reports of a value refused as a whole: a value of the wrong type is not examined further, a string
    /// that is not Unicode is reported as such only; a keyword seen twice on one value (through two references) once.
    /// </summary>
    private static IEnumerable<LocatedProblem> Prune(List<LocatedProblem> found, IReadOnlyList<LocatedProblem> textProblems)
    {
        var notUnicode = textProblems.Where(p => p.Problem.Code == ExchangeProblemCodes.Unicode).Select(p => p.Problem.Path).ToHashSet();
        var wrongType = found.Where(p => p.Problem.Code == ExchangeProblemCodes.Type).Select(p => p.Problem.Path).ToHashSet();
        var distinct = new HashSet<string>(StringComparer.Ordinal);
        foreach (var problem in found)
        {
            var path = problem.Problem.Path;
            var hidden = notUnicode.Contains(path)
                || (wrongType.Contains(path) && problem.Problem.Code != ExchangeProblemCodes.Type);
            if (!hidden && distinct.Add($"{path}\n{problem.Problem.Code}\n{string.Join('\n', problem.Problem.Args)}"))
            {
                yield return problem;
            }
        }
    }

    private static bool IsInside(IReadOnlyList<int> position, IReadOnlyList<int> container) =>
        position.Count > container.Count && container.Select((step, i) => step == position[i]).All(same => same);

    /// <summary>
    /// Where the evaluated value stands in the document as it was written: the evaluated copy leaves out the properties
    /// whose names are not Unicode, which still count in their object's order.
    /// </summary>
    private Location Locate(string pointer)
    {
        var (written, value) = (document, evaluated);
        var path = "$";
        string? name = null;
        var steps = Segments(pointer);
        var position = new int[steps.Count];
        for (var i = 0; i < steps.Count; i++)
        {
            if (value.ValueKind == JsonValueKind.Array)
            {
                var index = int.Parse(steps[i], CultureInfo.InvariantCulture);
                (written, value, path, position[i], name) = (written[index], value[index], ProblemPaths.Index(path, index), index, null);
                continue;
            }

            name = steps[i];
            // A repeated name is reported apart; JsonSchema.Net checks its first value.
            value = First(value, name, out _);
            written = First(written, name, out var place);
            (path, position[i]) = (ProblemPaths.Property(path, name), place);
        }

        return new Location(path, position, value, name);
    }

    private static JsonElement First(JsonElement container, string name, out int place)
    {
        place = 0;
        foreach (var property in container.EnumerateObject())
        {
            if (JsonTextCheck.TryGetName(property, out var propertyName) && propertyName == name)
            {
                return property.Value;
            }

            place++;
        }

        throw new InvalidOperationException($"Exchange schema: no property '{name}' where the validator found one.");
    }

    private static List<string> Segments(string pointer) =>
        pointer.Split('/').Skip(1)
            .Select(token => token.Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal))
            .ToList();

    private static string ExpectedTypes(JsonElement type) =>
        type.ValueKind == JsonValueKind.Array ? string.Join("/", type.EnumerateArray().Select(t => t.GetString())) : type.GetString()!;

    private static string TypeName(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.Number => "number",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => "null",
    };

    private static string FormatCode(string format) => format switch
    {
        "date" => ExchangeProblemCodes.Date,
        "date-time" => ExchangeProblemCodes.DateTime,
        "email" => ExchangeProblemCodes.Email,
        _ => throw new NotSupportedException($"Exchange schema: no problem is defined for format '{format}'."),
    };

    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private sealed record Location(string Path, int[] Position, JsonElement Value, string? Name);
}
