namespace SafeBrussels.Exchange.Web.Features.Meetings;

public sealed class AgendaItemInput
{
    public string Title { get; set; } = "";

    public string Notes { get; set; } = "";
}
