using System.Globalization;
using System.Text.Json;

namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>The values of an array seen so far, to find each item that repeats an earlier one (JSON equality).</summary>
internal sealed class DistinctValues
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

        if (bucket.Any(seen => JsonElement.DeepEquals(seen, value)))
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
