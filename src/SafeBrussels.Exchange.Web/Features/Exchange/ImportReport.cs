namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// What an import found and did: either every problem of the file (nothing written), or how many records
/// were created, updated and left unchanged. A dry run reports the same without writing.
/// </summary>
public sealed record ImportReport(IReadOnlyList<ExchangeProblem> Problems, ImportCounts Created, ImportCounts Updated, ImportCounts Unchanged, bool Written)
{
    public bool Succeeded => Problems.Count == 0;

    public static ImportReport Refused(IReadOnlyList<ExchangeProblem> problems) =>
        new(problems, ImportCounts.Zero, ImportCounts.Zero, ImportCounts.Zero, Written: false);
}
