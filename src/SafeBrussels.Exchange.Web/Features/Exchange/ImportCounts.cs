namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed record ImportCounts(int Organizations, int Practices, int Meetings)
{
    public static ImportCounts Zero { get; } = new(0, 0, 0);

    public int Total => Organizations + Practices + Meetings;
}
