namespace SafeBrussels.Exchange.Web.Features.Search;

public enum SearchSort
{
    Relevance,
    Date,
}
