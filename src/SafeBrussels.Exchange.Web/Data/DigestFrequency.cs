namespace SafeBrussels.Exchange.Web.Data;

public enum DigestFrequency
{
    Off,
    Daily,
    Weekly,
}
