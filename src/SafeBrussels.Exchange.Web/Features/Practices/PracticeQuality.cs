using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// Checks the four criteria from what a practice says (not from its claims), and suggests an evidence level:
/// untested while no outcome or mechanism is described; promising once the problem, the approach and an
/// outcome or mechanism are there; evaluated when all four hold and the practice has been evaluated.
/// "Effective" is never suggested: only someone who read the evaluation can say so.
/// </summary>
public static class PracticeQuality
{
    public const int ProblemWords = 25;
    public const int ApproachWords = 50;
    public const int OutcomeWords = 25;

    public static IReadOnlyList<QualityCriterion> All { get; } = Enum.GetValues<QualityCriterion>();

    public static QualityAssessment Assess(PracticeInput input)
    {
        var met = All.Where(c => Holds(c, input)).ToList();
        var missing = All.Except(met).ToList();
        var suggested = SuggestEvidence(met, input.Status);
        return new QualityAssessment(met, missing, suggested);
    }

    private static bool Holds(QualityCriterion criterion, PracticeInput input) => criterion switch
    {
        QualityCriterion.ProblemDescribed => Words(input.Problem) >= ProblemWords,
        QualityCriterion.ApproachExplained => Words(input.Approach) >= ApproachWords,
        QualityCriterion.OutcomeOrMechanism => Words(input.Results) >= OutcomeWords,
        _ => input.TargetGroups.Any(g => !string.IsNullOrWhiteSpace(g))
            && input.StartedOn is not null
            && (!string.IsNullOrWhiteSpace(input.ContactName) || !string.IsNullOrWhiteSpace(input.ContactEmail)),
    };

    private static EvidenceLevel SuggestEvidence(IReadOnlyList<QualityCriterion> met, PracticeStatus status)
    {
        var basis = met.Contains(QualityCriterion.ProblemDescribed) && met.Contains(QualityCriterion.ApproachExplained)
            && met.Contains(QualityCriterion.OutcomeOrMechanism);
        if (!basis)
        {
            return EvidenceLevel.Untested;
        }

        return met.Count == All.Count && status == PracticeStatus.Evaluated ? EvidenceLevel.Evaluated : EvidenceLevel.Promising;
    }

    private static int Words(string? text) =>
        string.IsNullOrWhiteSpace(text) ? 0 : text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Count(w => w.Any(char.IsLetterOrDigit));
}
