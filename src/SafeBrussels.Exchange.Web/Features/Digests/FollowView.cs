namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>Something followed, as the preferences page lists it.</summary>
public sealed record FollowView(FollowKind Kind, Guid TargetId, string Label);
