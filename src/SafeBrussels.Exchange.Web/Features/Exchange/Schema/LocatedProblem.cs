namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>
/// A problem with where it stands in the document: the position of each step from the root (the property's place in its
/// object, or the item's index) and, among the problems at one place, the rank of its kind.
/// </summary>
internal sealed record LocatedProblem(ExchangeProblem Problem, IReadOnlyList<int> Position, int Rank)
{
    /// <summary>In document order: a record before what it holds, then by kind.</summary>
    public static int Compare(LocatedProblem left, LocatedProblem right)
    {
        var steps = Math.Min(left.Position.Count, right.Position.Count);
        for (var i = 0; i < steps; i++)
        {
            var step = left.Position[i].CompareTo(right.Position[i]);
            if (step != 0)
            {
                return step;
            }
        }

        var depth = left.Position.Count.CompareTo(right.Position.Count);
        return depth != 0 ? depth : left.Rank.CompareTo(right.Rank);
    }
}
