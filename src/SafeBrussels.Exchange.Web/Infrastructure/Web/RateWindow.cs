namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>One fixed window: at most <see cref="PermitLimit"/> requests each <see cref="WindowSeconds"/> seconds.</summary>
public sealed class RateWindow
{
    public int PermitLimit { get; set; }

    public int WindowSeconds { get; set; }
}
