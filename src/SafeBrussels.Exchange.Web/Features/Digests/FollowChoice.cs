namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>A theme or an organization offered on the preferences page, and whether the member follows it.</summary>
/// <summary>A theme or an organization one may follow.</summary>
/// <param name="IncludedByParent">A sub-theme whose theme is followed: the digest already includes it.</param>
public sealed record FollowChoice(Guid Id, string Label, bool IsChild, bool Followed, bool IncludedByParent = false);
