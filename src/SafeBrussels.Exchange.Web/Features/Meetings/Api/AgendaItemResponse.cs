namespace SafeBrussels.Exchange.Web.Features.Meetings.Api;

/// <summary>An agenda item and its notes (Markdown).</summary>
public sealed record AgendaItemResponse(string Title, string Notes);
