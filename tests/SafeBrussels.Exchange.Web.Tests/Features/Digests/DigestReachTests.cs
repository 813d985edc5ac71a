using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.Web.Tests.Features.Digests;

public sealed class DigestReachTests
{
    private static readonly Guid Parent = Guid.NewGuid();
    private static readonly Guid Child = Guid.NewGuid();
    private static readonly Guid Other = Guid.NewGuid();
    private static readonly Guid Ghent = Guid.NewGuid();
    private static readonly Guid Brussels = Guid.NewGuid();
    private static readonly Guid Reader = Guid.NewGuid();
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_reader_gets_what_their_follows_reach_and_their_organization_or_they_may_see_most_restrictive_then_latest_first()
    {
        var records = new List<DigestReach.Record>
        {
            Practice("green-old", Tlp.Green, hoursAfterStart: 1),
            Practice("green-new", Tlp.Green, hoursAfterStart: 5),
            Practice("amber", Tlp.Amber, hoursAfterStart: 2),
            Practice("amber-not-shared", Tlp.Amber, hoursAfterStart: 3),
            Practice("red-named", Tlp.Red, hoursAfterStart: 4),
            Practice("red-not-named", Tlp.Red, hoursAfterStart: 4),
            Practice("other-theme", Tlp.Green, hoursAfterStart: 1, theme: Other),
            Practice("own", Tlp.Green, hoursAfterStart: 1, author: Reader),
            Practice("before-since", Tlp.Green, hoursAfterStart: -1),
        };
        var reach = Reach(
            records,
            seenByOrganizations: records.Where(r => r.Tlp < Tlp.Amber || r.Title == "amber").Select(r => new DigestReach.Pair(Ghent, false, r.Id)),
            seenPersonally: records.Where(r => r.Title == "red-named").Select(r => new DigestReach.Pair(Reader, false, r.Id)));

        var groups = reach.For(Reader, Ghent, Start, [new(Reader, Parent, null, null, null)], [], keep: 10).ToList();

        var group = Assert.Single(groups);
        Assert.Equal(Child, group.Group);
        Assert.Equal(["red-named", "amber", "green-new", "green-old"], group.First.Select(r => r.Title));
        Assert.Equal(4, group.Count);
    }

    [Fact]
    public void Each_group_keeps_its_first_records_and_counts_all_of_them()
    {
        var records = Enumerable.Range(0, 200).Select(i => Practice($"p{i}", Tlp.Green, hoursAfterStart: i + 1)).ToList();
        var reach = Reach(records, records.Select(r => new DigestReach.Pair(Brussels, false, r.Id)), []);

        var group = Assert.Single(reach.For(Reader, Brussels, Start, [new(Reader, Child, null, null, null)], [], keep: 5));

        Assert.Equal(["p199", "p198", "p197", "p196", "p195"], group.First.Select(r => r.Title));
        Assert.Equal(200, group.Count);
    }

    [Fact]
    public void Organization_and_direct_follows_reach_records_and_excluded_ones_are_left_out()
    {
        var records = new List<DigestReach.Record>
        {
            Practice("by-organization", Tlp.Green, hoursAfterStart: 1, theme: Other, organization: Brussels),
            Practice("followed-directly", Tlp.Green, hoursAfterStart: 2, theme: Other),
            Practice("listed-as-adaptation", Tlp.Green, hoursAfterStart: 3, theme: Other, organization: Brussels),
            Practice("not-followed", Tlp.Green, hoursAfterStart: 4, theme: Other),
        };
        var reach = Reach(records, records.Select(r => new DigestReach.Pair(Ghent, false, r.Id)), []);

        var group = Assert.Single(reach.For(
            Reader,
            Ghent,
            Start,
            [new(Reader, null, Brussels, null, null), new(Reader, null, null, records[1].Id, null), new(Reader, null, null, null, records[1].Id)],
            [records[2].Id],
            keep: 5));

        Assert.Equal(["followed-directly", "by-organization"], group.First.Select(r => r.Title));
    }

    // Each record's theme (Child unless said otherwise); Child's ancestors are itself and Parent.
    private readonly Dictionary<Guid, Guid> _themes = [];

    private DigestReach Reach(
        IReadOnlyList<DigestReach.Record> records, IEnumerable<DigestReach.Pair> seenByOrganizations, IEnumerable<DigestReach.Pair> seenPersonally)
    {
        var themes = _themes.ToLookup(t => t.Key, t => t.Value);
        var ancestors = new[] { (Child, Child), (Child, Parent), (Other, Other) }.ToLookup(l => l.Item1, l => l.Item2);
        return new DigestReach(records, themes, ancestors, seenByOrganizations, seenPersonally, id => _themes[id]);
    }

    private DigestReach.Record Practice(
        string title, Tlp tlp, int hoursAfterStart, Guid? theme = null, Guid? author = null, Guid? organization = null)
    {
        var at = Start.AddHours(hoursAfterStart);
        var record = new DigestReach.Record(false, Guid.NewGuid(), title, tlp, at, at, author ?? Guid.NewGuid(), organization ?? Ghent, "City");
        _themes[record.Id] = theme ?? Child;
        return record;
    }
}
