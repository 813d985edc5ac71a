using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// Counts every match the reader may see, and each facet value over them, in the same pass that collects the page:
/// per segment, the ordinal of each match's value is counted in an array, then the ordinals are named once.
/// </summary>
internal sealed class FacetCollector(ICollector page) : ICollector
{
    private static readonly string[] Single = [IndexFields.Type, IndexFields.Language, IndexFields.Organization, IndexFields.Year];

    private readonly Dictionary<string, Dictionary<string, int>> _counts =
        Single.Append(IndexFields.Theme).ToDictionary(f => f, _ => new Dictionary<string, int>(StringComparer.Ordinal), StringComparer.Ordinal);

    private readonly SortedDocValues?[] _values = new SortedDocValues?[Single.Length];
    private readonly int[]?[] _ordinals = new int[]?[Single.Length];
    private SortedSetDocValues? _themes;
    private int[]? _themeOrdinals;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => false;

    public void SetScorer(Scorer scorer) => page.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        Flush();
        var reader = context.AtomicReader;
        for (var i = 0; i < Single.Length; i++)
        {
            _values[i] = reader.GetSortedDocValues(Single[i]);
            _ordinals[i] = _values[i] is { } values ? new int[values.ValueCount] : null;
        }

        _themes = reader.GetSortedSetDocValues(IndexFields.Theme);
        _themeOrdinals = _themes is { } themes ? new int[(int)themes.ValueCount] : null;
        page.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        Total++;
        for (var i = 0; i < Single.Length; i++)
        {
            if (_values[i] is { } values && values.GetOrd(doc) is var ordinal and >= 0)
            {
                _ordinals[i]![ordinal]++;
            }
        }

        if (_themes is { } themes)
        {
            themes.SetDocument(doc);
            for (var ordinal = themes.NextOrd(); ordinal != SortedSetDocValues.NO_MORE_ORDS; ordinal = themes.NextOrd())
            {
                _themeOrdinals![(int)ordinal]++;
            }
        }

        page.Collect(doc);
    }

    public IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Counts()
    {
        Flush();
        return _counts.ToDictionary(c => c.Key, c => (IReadOnlyDictionary<string, int>)c.Value, StringComparer.Ordinal);
    }

    /// <summary>Names the segment's counted ordinals and adds them to the totals.</summary>
    private void Flush()
    {
        var term = new BytesRef();
        for (var i = 0; i < Single.Length; i++)
        {
            if (_values[i] is { } values && _ordinals[i] is { } ordinals)
            {
                for (var ordinal = 0; ordinal < ordinals.Length; ordinal++)
                {
                    if (ordinals[ordinal] > 0)
                    {
                        values.LookupOrd(ordinal, term);
                        Add(Single[i], term.Utf8ToString(), ordinals[ordinal]);
                    }
                }
            }

            _values[i] = null;
            _ordinals[i] = null;
        }

        if (_themes is { } themes && _themeOrdinals is { } themeOrdinals)
        {
            for (var ordinal = 0; ordinal < themeOrdinals.Length; ordinal++)
            {
                if (themeOrdinals[ordinal] > 0)
                {
                    themes.LookupOrd(ordinal, term);
                    Add(IndexFields.Theme, term.Utf8ToString(), themeOrdinals[ordinal]);
                }
            }
        }

        _themes = null;
        _themeOrdinals = null;
    }

    private void Add(string facet, string value, int count) =>
        _counts[facet][value] = _counts[facet].GetValueOrDefault(value) + count;
}
