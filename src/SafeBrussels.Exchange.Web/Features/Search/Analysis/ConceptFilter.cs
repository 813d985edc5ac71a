using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace SafeBrussels.Exchange.Web.Features.Search.Analysis;

/// <summary>
/// Adds a concept token where a glossary term occurs: the longest term first, without overlaps, stacked on the term's
/// first word (position increment 0) and spanning the term's text. The words stay, so phrases and single words match
/// as before; the concept token (<see cref="ConceptTokens.Of"/>) is the same whatever the language of the term.
/// </summary>
public sealed class ConceptFilter : TokenFilter
{
    public const string TokenType = "<CONCEPT>";

    private readonly ConceptDictionary _dictionary;
    private readonly ICharTermAttribute _term;
    private readonly IPositionIncrementAttribute _increment;
    private readonly IOffsetAttribute _offset;
    private readonly ITypeAttribute _type;
    private readonly List<Buffered> _ahead = [];
    private State? _concept;
    private int _inside;

    public ConceptFilter(TokenStream input, ConceptDictionary dictionary)
        : base(input)
    {
        _dictionary = dictionary;
        _term = AddAttribute<ICharTermAttribute>();
        _increment = AddAttribute<IPositionIncrementAttribute>();
        _offset = AddAttribute<IOffsetAttribute>();
        _type = AddAttribute<ITypeAttribute>();
    }

    public override bool IncrementToken()
    {
        if (_concept is not null)
        {
            RestoreState(_concept);
            _concept = null;
            return true;
        }

        if (_ahead.Count == 0 && !ReadAhead())
        {
            return false;
        }

        if (_inside > 0)
        {
            _inside--;
            Emit(0);
            return true;
        }

        // The longest term starting at the next word.
        var (length, concept) = (0, (string?)null);
        var node = _dictionary.Start(_ahead[0].Text);
        for (var i = 0; node is not null;)
        {
            if (node.Concept is not null)
            {
                (length, concept) = (i + 1, node.Concept);
            }

            i++;
            if (i >= Glossary.MaxTermWords || (i >= _ahead.Count && !ReadAhead()))
            {
                break;
            }

            node = node.Then(_ahead[i].Text);
        }

        if (concept is not null)
        {
            var end = _ahead[length - 1].EndOffset;
            var start = _ahead[0].StartOffset;
            RestoreState(_ahead[0].State);
            _term.SetEmpty().Append(ConceptTokens.Of(concept));
            _increment.PositionIncrement = 0;
            _offset.SetOffset(start, end);
            _type.Type = TokenType;
            _concept = CaptureState();
            _inside = length - 1;
        }

        Emit(0);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        _ahead.Clear();
        _concept = null;
        _inside = 0;
    }

    private void Emit(int index)
    {
        RestoreState(_ahead[index].State);
        _ahead.RemoveAt(index);
    }

    private bool ReadAhead()
    {
        if (!m_input.IncrementToken())
        {
            return false;
        }

        _ahead.Add(new Buffered(CaptureState(), _term.ToString(), _offset.StartOffset, _offset.EndOffset));
        return true;
    }

    private sealed record Buffered(State State, string Text, int StartOffset, int EndOffset);
}
