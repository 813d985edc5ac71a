using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

public sealed record QualityAssessment(IReadOnlyList<QualityCriterion> Met, IReadOnlyList<QualityCriterion> Missing, EvidenceLevel SuggestedEvidence)
{
    public bool IsMet(QualityCriterion criterion) => Met.Contains(criterion);
}
