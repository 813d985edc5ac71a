namespace SafeBrussels.Exchange.Web.Data;

public sealed class PracticeTheme
{
    public Guid PracticeId { get; set; }

    public Guid ThemeId { get; set; }

    public Theme? Theme { get; set; }
}
