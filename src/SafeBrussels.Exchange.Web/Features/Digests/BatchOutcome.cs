namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>What one batch did.</summary>
public sealed record BatchOutcome(int Sent, int Empty, int Refused, int AlreadyDelivered)
{
    public static BatchOutcome operator +(BatchOutcome a, BatchOutcome b) =>
        new(a.Sent + b.Sent, a.Empty + b.Empty, a.Refused + b.Refused, a.AlreadyDelivered + b.AlreadyDelivered);
}
