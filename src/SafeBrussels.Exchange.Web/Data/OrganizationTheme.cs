namespace SafeBrussels.Exchange.Web.Data;

/// <summary>A theme an organization usually works on: its new members start following it.</summary>
public sealed class OrganizationTheme
{
    public Guid OrganizationId { get; set; }

    public Guid ThemeId { get; set; }
}
