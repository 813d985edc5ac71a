using System.Text.Json.Nodes;
using SafeBrussels.Exchange.Web.Features.Exchange;
using Xunit;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>
/// The cells of the import-through-the-platform matrix (docs/sharing.md): the importer's relation to a record × the field
/// a file changes, the records the operator seeds for it, one-record files for each cell and the problems each must get.
/// The importer is a platform administrator of <c>city-b</c>. Shared by the importer, API and page tests.
/// </summary>
public static class ImportMatrix
{
    public enum Relation
    {
        /// <summary>Not on the platform, of the importer's organization.</summary>
        NewOwn,

        /// <summary>Not on the platform, of another organization.</summary>
        NewOther,

        /// <summary>The importer's organization's record, which they see (GREEN).</summary>
        OwnVisible,

        /// <summary>The importer's organization's record they may not see (RED, someone else's).</summary>
        OwnHidden,

        /// <summary>Another organization's record the importer sees (an AMBER meeting shared with them; a GREEN practice).</summary>
        OtherVisible,

        /// <summary>Another organization's record the importer may not see (AMBER+STRICT).</summary>
        OtherHidden,
    }

    public enum Change
    {
        None,
        Title,
        Label,
        Owner,
        Audience,
    }

    // Each existing record of the matrix, per relation: (practice, meeting), as the operator imported them.
    private static readonly Dictionary<Relation, (string Organization, string PracticeTlp, string MeetingTlp)> Seeded = new()
    {
        [Relation.OwnVisible] = ("city-b", "GREEN", "GREEN"),
        [Relation.OwnHidden] = ("city-b", "RED", "RED"),
        [Relation.OtherVisible] = ("city-a", "GREEN", "AMBER"),
        [Relation.OtherHidden] = ("city-a", "AMBER+STRICT", "AMBER+STRICT"),
    };

    public static TheoryData<Relation, Change> Cells()
    {
        var cells = new TheoryData<Relation, Change>();
        foreach (var relation in Enum.GetValues<Relation>())
        {
            foreach (var change in Enum.GetValues<Change>())
            {
                cells.Add(relation, change);
            }
        }

        return cells;
    }

    /// <summary>The expected problems of a one-record file: what an import through the platform may not write.</summary>
    public static List<(string Path, string Code)> Expected(Relation relation, Change change, string organization, bool editable, string collection)
    {
        if (organization != "city-b")
        {
            return [($"$.{collection}[0].organization", ExchangeProblemCodes.NotYourOrganization)];
        }

        var exists = relation is not (Relation.NewOwn or Relation.NewOther);
        var visible = relation is Relation.OwnVisible or Relation.OtherVisible;
        var changed = change != Change.None && !(change == Change.Audience && collection == "practices");
        return exists && !editable && (!visible || changed)
            ? [($"$.{collection}[0].externalId", ExchangeProblemCodes.NotEditable)]
            : [];
    }

    public static string Id(string collection, Relation relation) => $"{collection[..1]}-{relation}".ToLowerInvariant();

    /// <summary>A file of one practice or meeting: the record as seeded (or new), with one thing changed.</summary>
    public static (string Json, string ExternalId, string Organization) File(string collection, Relation relation, Change change)
    {
        var externalId = relation is Relation.NewOwn or Relation.NewOther ? $"{Id(collection, relation)}-{Guid.NewGuid():N}" : Id(collection, relation);
        var (organization, practiceTlp, meetingTlp) = relation switch
        {
            Relation.NewOwn => ("city-b", "GREEN", "GREEN"),
            Relation.NewOther => ("city-a", "AMBER+STRICT", "AMBER+STRICT"),
            _ => Seeded[relation],
        };
        var record = JsonNode.Parse(collection == "practices"
            ? Practice(externalId, organization, practiceTlp)
            : Meeting(externalId, organization, meetingTlp))!.AsObject();
        switch (change)
        {
            case Change.Title:
                record["title"] = "Renamed by import";
                break;
            case Change.Label:
                record["tlp"] = "CLEAR";
                break;
            case Change.Owner:
                organization = organization == "city-b" ? "city-a" : "city-b";
                record["organization"] = organization;
                break;
            case Change.Audience when collection == "meetings":
                record["participants"] = new JsonArray("city-a", "city-c");
                break;
        }

        var document = new JsonObject { ["format"] = "safebrussels-exchange/1", [collection] = new JsonArray(record) };
        return (document.ToJsonString(), externalId, organization);
    }

    public static string Document => new JsonObject
    {
        ["format"] = "safebrussels-exchange/1",
        ["organizations"] = JsonNode.Parse("""
            [ { "key": "city-a", "name": "City A", "languages": ["fr"] },
              { "key": "city-b", "name": "City B", "languages": ["nl"] },
              { "key": "city-c", "name": "City C", "languages": ["en"] } ]
            """),
        ["practices"] = new JsonArray([.. Seeded.Select(s => JsonNode.Parse(Practice(Id("practices", s.Key), s.Value.Organization, s.Value.PracticeTlp)))]),
        ["meetings"] = new JsonArray([.. Seeded.Select(s => JsonNode.Parse(Meeting(Id("meetings", s.Key), s.Value.Organization, s.Value.MeetingTlp)))]),
    }.ToJsonString();

    public static string Practice(string externalId, string organization, string tlp) => $$"""
        { "externalId": "{{externalId}}", "organization": "{{organization}}", "language": "fr", "title": "Marches exploratoires",
          "summary": "Des habitantes arpentent le quartier.", "themes": ["street-harassment"], "tlp": "{{tlp}}" }
        """;

    public static string Meeting(string externalId, string organization, string tlp) => $$"""
        { "externalId": "{{externalId}}", "organization": "{{organization}}", "language": "fr", "title": "Cellule de crise",
          "startsAt": "2026-11-20T10:00:00+01:00", "themes": ["crisis-management"], "tlp": "{{tlp}}",
          "participants": ["{{(organization == "city-a" ? "city-b" : "city-a")}}"],
          "minutes": "Ce qui s'est dit en cellule de crise." }
        """;

    /// <summary>
    /// <paramref name="json"/> with its organization keys and externalIds prefixed by <paramref name="scope"/>, for a
    /// database shared with other tests.
    /// </summary>
    public static string Scoped(string json, string scope) =>
        json.Replace("\"city-", $"\"{scope}city-", StringComparison.Ordinal)
            .Replace("\"p-", $"\"{scope}p-", StringComparison.Ordinal)
            .Replace("\"m-", $"\"{scope}m-", StringComparison.Ordinal);
}
