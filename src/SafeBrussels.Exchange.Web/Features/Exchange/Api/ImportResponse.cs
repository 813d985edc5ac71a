namespace SafeBrussels.Exchange.Web.Features.Exchange.Api;

/// <summary>What an import did, or with <c>dryRun</c> would do: the organizations, practices and meetings created, updated and unchanged.</summary>
public sealed record ImportResponse(bool DryRun, ImportCountsResponse Created, ImportCountsResponse Updated, ImportCountsResponse Unchanged)
{
    public static ImportResponse From(ImportReport report) => new(
        !report.Written, ImportCountsResponse.From(report.Created), ImportCountsResponse.From(report.Updated), ImportCountsResponse.From(report.Unchanged));
}
