namespace SafeBrussels.Exchange.Web.Data;

public enum PracticeStatus
{
    Planned,
    Pilot,
    Running,
    Evaluated,
    Stopped,
}
