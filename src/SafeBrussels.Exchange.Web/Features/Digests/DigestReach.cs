using System.Numerics;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// The meetings and practices changed in a period, with who may see them as the database decided it
/// (<see cref="Sharing.SharingPolicy.SeenByOrganizations(IQueryable{Meeting}, IQueryable{Guid})"/> and
/// <c>SeenPersonallyBy</c>), matched with each reader's follows. Each set (what a theme, an organization, a reader's
/// organization reaches…) is a bit set over the records in the order a digest lists them (most restrictive label,
/// then latest change first), so a reader's items are a few word-wide ORs and ANDs, not a pass over every pair of
/// reader and record: ten thousand readers of five thousand changes each take milliseconds.
/// </summary>
public sealed class DigestReach
{
    private readonly Record[] _records;
    private readonly Dictionary<(bool OnMeeting, Guid Id), int> _index;
    private readonly Dictionary<Guid, ulong[]> _byTheme = [];
    private readonly Dictionary<Guid, ulong[]> _byOrganization = [];
    private readonly Dictionary<Guid, ulong[]> _seenByOrganization = [];
    private readonly ILookup<Guid, int> _seenPersonally;
    private readonly ILookup<Guid, int> _byAuthor;
    private readonly Dictionary<DateTimeOffset, ulong[]> _changedSince = [];
    private readonly int _words;
    private readonly int[] _groupOf;
    private readonly Guid?[] _groups;

    /// <param name="records">The meetings and practices changed in the period.</param>
    /// <param name="themes">Each record's themes.</param>
    /// <param name="ancestors">Each theme's ancestors, itself included (following a theme follows its children).</param>
    /// <param name="seenByOrganizations">Organization and record, for every record all the organization's members may see.</param>
    /// <param name="seenPersonally">Reader and record, for every record only named people may see and the reader is one of them.</param>
    /// <param name="groupOf">The group a record is listed under.</param>
    public DigestReach(
        IEnumerable<Record> records,
        ILookup<Guid, Guid> themes,
        ILookup<Guid, Guid> ancestors,
        IEnumerable<Pair> seenByOrganizations,
        IEnumerable<Pair> seenPersonally,
        Func<Guid, Guid?> groupOf)
    {
        _records = records.OrderByDescending(r => r.Tlp).ThenByDescending(r => r.UpdatedAt).ThenBy(r => r.Id).ToArray();
        _words = (_records.Length + 63) / 64;
        _index = new Dictionary<(bool, Guid), int>(_records.Length);
        var groups = new Dictionary<Guid, int>(); // Guid.Empty: no theme
        _groupOf = new int[_records.Length];
        for (var i = 0; i < _records.Length; i++)
        {
            var record = _records[i];
            var group = groupOf(record.Id) ?? Guid.Empty;
            if (!groups.TryGetValue(group, out _groupOf[i]))
            {
                groups[group] = _groupOf[i] = groups.Count;
            }

            _index[(record.OnMeeting, record.Id)] = i;
            Set(Of(_byOrganization, record.OrganizationId), i);
            foreach (var ancestor in themes[record.Id].SelectMany(theme => ancestors[theme]).Distinct())
            {
                Set(Of(_byTheme, ancestor), i);
            }
        }

        _groups = groups.OrderBy(g => g.Value).Select(g => g.Key == Guid.Empty ? null : (Guid?)g.Key).ToArray();
        foreach (var pair in seenByOrganizations)
        {
            if (_index.TryGetValue((pair.OnMeeting, pair.RecordId), out var i))
            {
                Set(Of(_seenByOrganization, pair.Who), i);
            }
        }

        _seenPersonally = seenPersonally
            .Where(p => _index.ContainsKey((p.OnMeeting, p.RecordId)))
            .ToLookup(p => p.Who, p => _index[(p.OnMeeting, p.RecordId)]);
        _byAuthor = Enumerable.Range(0, _records.Length)
            .Where(i => _records[i].AuthorId is not null)
            .ToLookup(i => _records[i].AuthorId!.Value);
    }

    /// <summary>
    /// What reaches one reader, in the order a digest lists it: changed after <paramref name="since"/>, reached by one of
    /// their follows, seen by their organization or by them personally, not their own, and not in <paramref name="excluded"/>.
    /// </summary>
    /// <returns>For each group (a record's group is given to the constructor) with something in it, its first <paramref name="keep"/> records and how many there are.</returns>
    public IEnumerable<(Guid? Group, IReadOnlyList<Record> First, int Count)> For(
        Guid userId, Guid organizationId, DateTimeOffset since, IEnumerable<Followed> follows, IEnumerable<Guid> excluded, int keep)
    {
        var mask = new ulong[_words];
        foreach (var follow in follows)
        {
            if (follow.ThemeId is { } theme && _byTheme.TryGetValue(theme, out var byTheme))
            {
                Or(mask, byTheme);
            }

            if (follow.OrganizationId is { } organization && _byOrganization.TryGetValue(organization, out var byOrganization))
            {
                Or(mask, byOrganization);
            }

            if (follow.MeetingId is { } meeting && _index.TryGetValue((true, meeting), out var m))
            {
                Set(mask, m);
            }

            if (follow.PracticeId is { } practice && _index.TryGetValue((false, practice), out var p))
            {
                Set(mask, p);
            }
        }

        var seen = _seenByOrganization.TryGetValue(organizationId, out var byOrganizationSeen) ? (ulong[])byOrganizationSeen.Clone() : new ulong[_words];
        foreach (var i in _seenPersonally[userId])
        {
            Set(seen, i);
        }

        And(mask, seen);
        And(mask, ChangedSince(since));
        foreach (var i in _byAuthor[userId])
        {
            Clear(mask, i);
        }

        foreach (var id in excluded)
        {
            if (_index.TryGetValue((false, id), out var i))
            {
                Clear(mask, i);
            }
        }

        // In listing order: each group keeps its first few records and counts the others.
        var count = new int[_groups.Length];
        var first = new List<Record>?[_groups.Length];
        for (var word = 0; word < _words; word++)
        {
            var bits = mask[word];
            while (bits != 0)
            {
                var i = word * 64 + BitOperations.TrailingZeroCount(bits);
                bits &= bits - 1;
                var group = _groupOf[i];
                if (count[group]++ < keep)
                {
                    (first[group] ??= []).Add(_records[i]);
                }
            }
        }

        for (var group = 0; group < _groups.Length; group++)
        {
            if (count[group] > 0)
            {
                yield return (_groups[group], first[group]!, count[group]);
            }
        }
    }

    private ulong[] ChangedSince(DateTimeOffset since)
    {
        if (!_changedSince.TryGetValue(since, out var changed))
        {
            changed = new ulong[_words];
            for (var i = 0; i < _records.Length; i++)
            {
                if (_records[i].UpdatedAt > since)
                {
                    Set(changed, i);
                }
            }

            _changedSince[since] = changed;
        }

        return changed;
    }

    private ulong[] Of(Dictionary<Guid, ulong[]> sets, Guid key)
    {
        if (!sets.TryGetValue(key, out var set))
        {
            sets[key] = set = new ulong[_words];
        }

        return set;
    }

    private static void Set(ulong[] set, int i) => set[i >> 6] |= 1UL << (i & 63);

    private static void Clear(ulong[] set, int i) => set[i >> 6] &= ~(1UL << (i & 63));

    private static void Or(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] |= other[i];
        }
    }

    private static void And(ulong[] target, ulong[] other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] &= other[i];
        }
    }

    /// <summary>A meeting (<paramref name="OnMeeting"/>) or practice changed in the period; <paramref name="OrganizationId"/> hosts or owns it.</summary>
    public sealed record Record(
        bool OnMeeting, Guid Id, string Title, Tlp Tlp, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, Guid? AuthorId, Guid OrganizationId, string Organization);

    /// <summary>An organization or a reader (<paramref name="Who"/>) and a record they may see.</summary>
    public sealed record Pair(Guid Who, bool OnMeeting, Guid RecordId);

    /// <summary>One follow of a reader: a theme, an organization, a practice or a meeting.</summary>
    public sealed record Followed(Guid UserId, Guid? ThemeId, Guid? OrganizationId, Guid? PracticeId, Guid? MeetingId);
}
