namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed record DiffLine(DiffKind Kind, string Text);
