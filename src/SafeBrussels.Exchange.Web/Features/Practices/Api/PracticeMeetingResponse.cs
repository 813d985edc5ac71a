namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>A meeting that discussed the practice.</summary>
public sealed record PracticeMeetingResponse(Guid Id, string Title, DateTimeOffset StartsAt, string Tlp);
