using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>A record a reader may see (<see cref="SharingPolicy.SeenBy(IQueryable{Meeting}, IQueryable{Reader})"/>).</summary>
public sealed class Seen<T>
{
    public required Reader Reader { get; init; }

    public required T Record { get; init; }
}
