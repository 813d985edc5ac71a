namespace SafeBrussels.Exchange.Web.Features.Search;

public sealed record GlossaryEntryView(Guid Id, string Key, string? Theme, IReadOnlyList<string> Fr, IReadOnlyList<string> Nl, IReadOnlyList<string> En);
