namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>A practice's title and summary in another language.</summary>
public sealed record TranslationResponse(string Title, string? Summary);
