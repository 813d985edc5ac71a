namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>Who to ask about a practice.</summary>
public sealed record ContactResponse(string Name, string Email);
