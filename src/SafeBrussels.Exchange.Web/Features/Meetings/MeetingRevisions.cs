using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Compares revision snapshots field by field.</summary>
public static class MeetingRevisions
{
    public static List<string> ChangedFields(string before, string after)
    {
        var old = JsonNode.Parse(before)!.AsObject();
        var now = JsonNode.Parse(after)!.AsObject();
        return now.Select(p => p.Key)
            .Union(old.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(old[key], now[key]))
            .ToList();
    }

    public static MeetingInput Read(string snapshot) =>
        JsonSerializer.Deserialize<MeetingInput>(snapshot, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
}
