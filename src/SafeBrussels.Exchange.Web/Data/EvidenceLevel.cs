namespace SafeBrussels.Exchange.Web.Data;

/// <summary>How well the practice is known to work, from the least to the best established.</summary>
public enum EvidenceLevel
{
    Untested,
    Promising,
    Evaluated,
    Effective,
}
