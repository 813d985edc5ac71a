namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>The kinds of thing an audit entry names.</summary>
public static class AuditTargets
{
    public const string Meeting = "meeting";
    public const string Practice = "practice";
    public const string Comment = "comment";
    public const string Attachment = "attachment";
    public const string Member = "member";
    public const string Invitation = "invitation";
    public const string ApiToken = "api-token";
    public const string FeedToken = "feed-token";
    public const string Organization = "organization";
}
