namespace SafeBrussels.Exchange.Web.Features.Exchange.Api;

/// <summary>Records of each kind.</summary>
public sealed record ImportCountsResponse(int Organizations, int Practices, int Meetings)
{
    public static ImportCountsResponse From(ImportCounts counts) => new(counts.Organizations, counts.Practices, counts.Meetings);
}
