namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>The four criteria a good practice should meet, checked on the record as written.</summary>
public enum QualityCriterion
{
    /// <summary>The problem is described.</summary>
    ProblemDescribed,

    /// <summary>How and why the approach addresses the problem.</summary>
    ApproachExplained,

    /// <summary>An outcome evaluation, or at least a plausible mechanism.</summary>
    OutcomeOrMechanism,

    /// <summary>Enough detail on context and implementation to be replicated.</summary>
    Replicable,
}
