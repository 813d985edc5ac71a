namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A theme and each of its ancestors, itself included (the table <c>theme_lineage</c>, refreshed by a trigger when themes change; read only).</summary>
public sealed class ThemeLineage
{
    public Guid AncestorId { get; set; }

    public Guid ThemeId { get; set; }
}
