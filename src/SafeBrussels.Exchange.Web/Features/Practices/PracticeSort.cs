namespace SafeBrussels.Exchange.Web.Features.Practices;

public enum PracticeSort
{
    Newest,
    Updated,
    Title,
}
