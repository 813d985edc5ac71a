namespace SafeBrussels.Exchange.Web.Features.Search;

public static class SearchTypes
{
    public const string Practice = "practice";
    public const string Meeting = "meeting";
    public const string Comment = "comment";

    public static IReadOnlyList<string> All { get; } = [Practice, Meeting, Comment];
}
