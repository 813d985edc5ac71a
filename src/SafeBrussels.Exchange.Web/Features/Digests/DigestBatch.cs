namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>Members whose digest is due for the same period, at most one batch's worth.</summary>
public sealed record DigestBatch(DateTimeOffset Period, Guid[] UserIds);
