namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>Someone records are selected for, among many in one query: who, from which organization, interested since when.</summary>
public sealed class Reader
{
    public Guid UserId { get; init; }

    public Guid OrganizationId { get; init; }

    public DateTimeOffset Since { get; init; }
}
