namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>The items of one theme (at most <see cref="DigestComposer.ItemsPerGroup"/>), and how many more there are.</summary>
public sealed record DigestGroup(string? ThemeKey, string Label, IReadOnlyList<DigestItem> Items, int More);
