using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Exchange;

namespace SafeBrussels.Exchange.Web.Tests.Features.Exchange;

/// <summary>
/// The importer writes with SQL of its own (COPY and INSERT … SELECT, for speed), naming each column. Held here to the
/// EF model: a column it names exists, and a column of the model it leaves out is one written down below with the
/// reason, so that a column added to an entity cannot be silently left empty by imports.
/// </summary>
public sealed partial class ImporterColumnsTests
{
    private static readonly Dictionary<string, string[]> LeftOut = new(StringComparer.Ordinal)
    {
        // A platform setting of the organization's administrators: the exchange format does not carry it, and an
        // import neither sets nor clears it (a new organization starts without, the column's default).
        ["organizations"] = ["require_two_factor"],
        // Written by the minutes' retention job only; an import never archives or restores minutes.
        ["meetings"] = ["minutes_archived_at"],
        // The label and audience a version was written under: stamped right after, by one UPDATE from the meeting
        // as it then is (the same rule as a save in the editor).
        ["meeting_revisions"] = ["host_organization_id", "named_user_ids", "partner_organization_ids", "tlp"],
        // The entry's number is the database's; an import has no client address.
        ["audit_entries"] = ["client_address", "id"],
    };

    [Fact]
    public void Every_column_the_importer_writes_is_in_the_model_and_every_one_it_leaves_out_is_written_down()
    {
        // The model only: nothing connects.
        using var db = ExchangeDatabase.CreateStandalone("Host=127.0.0.1;Port=1;Database=not_used;Username=nobody");

        // The statements are constants of the importer and its writers.
        var statements = typeof(ExchangeImporter).Assembly.GetTypes()
            .Where(t => t.Namespace == typeof(ExchangeImporter).Namespace)
            .SelectMany(t => t.GetFields(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static))
            .Where(f => f.IsLiteral && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .SelectMany(sql => Write().Matches(sql))
            .Select(m => (Table: m.Groups[1].Value, Columns: m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)))
            .ToList();
        Assert.Contains(statements, s => s.Table == "practices");
        Assert.Contains(statements, s => s.Table == "meetings");

        var problems = new List<string>();
        foreach (var (table, columns) in statements)
        {
            var store = StoreObjectIdentifier.Table(table);
            var entity = db.Model.GetEntityTypes().SingleOrDefault(e => e.GetTableName() == table && e.GetSchema() is null or "public");
            if (entity is null)
            {
                problems.Add($"{table}: no entity in the model");
                continue;
            }

            var model = entity.GetProperties().Select(p => p.GetColumnName(store)).OfType<string>().ToHashSet(StringComparer.Ordinal);
            problems.AddRange(columns.Where(c => !model.Contains(c)).Select(c => $"{table}.{c}: written by the importer, not in the model"));
            var missing = model.Except(columns).Order(StringComparer.Ordinal).ToArray();
            var expected = LeftOut.GetValueOrDefault(table, []).Order(StringComparer.Ordinal).ToArray();
            if (!missing.SequenceEqual(expected))
            {
                problems.Add($"{table}: left out {string.Join(", ", missing)}; written down {string.Join(", ", expected)}");
            }
        }

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [GeneratedRegex(@"(?:INSERT INTO|COPY)\s+(\w+)\s*\(([^)]*)\)")]
    private static partial Regex Write();
}
