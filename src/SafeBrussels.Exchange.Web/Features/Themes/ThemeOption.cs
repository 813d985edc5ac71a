namespace SafeBrussels.Exchange.Web.Features.Themes;

public sealed record ThemeOption(string Key, string Label, string Description, string? ParentKey, bool IsRetired);
