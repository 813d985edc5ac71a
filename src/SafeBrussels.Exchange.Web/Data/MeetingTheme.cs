namespace SafeBrussels.Exchange.Web.Data;

public sealed class MeetingTheme
{
    public Guid MeetingId { get; set; }

    public Guid ThemeId { get; set; }

    public Theme? Theme { get; set; }
}
