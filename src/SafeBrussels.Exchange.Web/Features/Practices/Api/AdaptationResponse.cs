namespace SafeBrussels.Exchange.Web.Features.Practices.Api;

/// <summary>How an adaptation fits its local context and what it changed (empty for an original).</summary>
public sealed record AdaptationResponse(string LocalContext, string Changes);
