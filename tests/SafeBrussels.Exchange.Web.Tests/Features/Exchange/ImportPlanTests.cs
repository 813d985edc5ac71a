using SafeBrussels.Exchange.Web.Features.Exchange;

namespace SafeBrussels.Exchange.Web.Tests.Features.Exchange;

/// <summary>The import's plan is decided from the file and the records already there alone: new, changed, unchanged.</summary>
public sealed class ImportPlanTests
{
    private sealed record Row(string ExternalId, string Title);

    [Fact]
    public void A_record_is_new_changed_or_unchanged_by_its_external_id_and_content_hash()
    {
        var same = new Row("gent/practice/1", "Buurtbemiddeling");
        var edited = new Row("gent/practice/2", "Wijkwerking, herzien");
        var added = new Row("gent/practice/3", "Nachtraad");
        var unchangedId = Guid.NewGuid();
        var changedId = Guid.NewGuid();
        var existing = new Dictionary<string, ImportPlan.Existing>(StringComparer.Ordinal)
        {
            [same.ExternalId] = new(unchangedId, ImportPlan.Hash(same)),
            [edited.ExternalId] = new(changedId, ImportPlan.Hash(edited with { Title = "Wijkwerking" })),
        };
        List<Row> records = [same, edited, added];

        var plan = ImportPlan.Plan(records, [.. records.Select(ImportPlan.Hash)], r => r.ExternalId, existing);

        Assert.Equal((unchangedId, false, false), (plan[0].Id, plan[0].IsNew, plan[0].IsChanged));
        Assert.Equal((changedId, false, true), (plan[1].Id, plan[1].IsNew, plan[1].IsChanged));
        Assert.True(plan[2].IsNew);
        Assert.NotEqual(Guid.Empty, plan[2].Id);
        Assert.Equal(ImportPlan.Hash(added), plan[2].Hash);
        Assert.NotEqual(ImportPlan.Hash(edited), ImportPlan.Hash(edited with { Title = "Wijkwerking" }));
    }
}
