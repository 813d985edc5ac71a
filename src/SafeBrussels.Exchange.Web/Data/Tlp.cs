namespace SafeBrussels.Exchange.Web.Data;

/// <summary>FIRST Traffic Light Protocol 2.0 labels, from the least to the most restrictive.</summary>
public enum Tlp
{
    Clear = 0,
    Green = 1,
    Amber = 2,
    AmberStrict = 3,
    Red = 4,
}
