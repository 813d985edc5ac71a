using System.Text.Json.Nodes;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange.Schema;

namespace SafeBrussels.Exchange.Web.Tests.Features.Exchange;

/// <summary>
/// The exchange format's schema is a JSON file: it cannot name <see cref="FieldLengths"/>, so this holds its numbers to
/// them. Every maxLength in the schema is listed here with the field kind it is; a new one must be added.
/// </summary>
public sealed class FieldLengthsTests
{
    private static readonly Dictionary<string, int> Expected = new(StringComparer.Ordinal)
    {
        ["#/$defs/externalId"] = FieldLengths.ExternalId,
        ["#/$defs/line"] = FieldLengths.Line,
        ["#/$defs/text"] = FieldLengths.Text,
        ["#/$defs/organization/properties/city"] = FieldLengths.Name,
        ["#/$defs/practice/properties/summary"] = FieldLengths.Summary,
        ["#/$defs/practice/properties/contact/properties/name"] = FieldLengths.Name,
        ["#/$defs/practice/properties/contact/properties/email"] = FieldLengths.Email,
        ["#/$defs/practice/properties/translations/additionalProperties/properties/summary"] = FieldLengths.Summary,
        ["#/$defs/meeting/properties/location"] = FieldLengths.Line,
        ["#/$defs/meeting/properties/decisions/items"] = FieldLengths.Decision,
    };

    [Fact]
    public void Every_length_in_the_exchange_schema_is_the_one_the_database_and_the_forms_use()
    {
        var assembly = typeof(ExchangeSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(ExchangeSchema.ResourceNameSuffix, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        var found = new Dictionary<string, int>(StringComparer.Ordinal);
        Collect(JsonNode.Parse(stream)!, "#", found);

        Assert.Equal(Expected.OrderBy(e => e.Key, StringComparer.Ordinal), found.OrderBy(e => e.Key, StringComparer.Ordinal));
    }

    private static void Collect(JsonNode node, string pointer, Dictionary<string, int> found)
    {
        switch (node)
        {
            case JsonObject obj:
                if (obj["maxLength"] is { } max)
                {
                    found[pointer] = max.GetValue<int>();
                }

                foreach (var (key, child) in obj)
                {
                    if (child is not null)
                    {
                        Collect(child, $"{pointer}/{key}", found);
                    }
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    if (array[i] is { } item)
                    {
                        Collect(item, $"{pointer}/{i}", found);
                    }
                }

                break;
        }
    }
}
