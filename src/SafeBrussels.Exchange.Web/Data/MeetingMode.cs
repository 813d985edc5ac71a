namespace SafeBrussels.Exchange.Web.Data;

public enum MeetingMode
{
    InPerson,
    Online,
    Hybrid,
}
