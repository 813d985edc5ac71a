namespace SafeBrussels.Exchange.Web.Features.Exchange;

public sealed class ExchangeMeeting
{
    public string ExternalId { get; set; } = "";

    public string Organization { get; set; } = "";

    public List<string>? Participants { get; set; }

    public string Language { get; set; } = "";

    public string Title { get; set; } = "";

    public string StartsAt { get; set; } = "";

    public string? EndsAt { get; set; }

    public string? Mode { get; set; }

    public string? Location { get; set; }

    public List<string> Themes { get; set; } = [];

    public string? Tlp { get; set; }

    public List<ExchangeAgendaItem>? Agenda { get; set; }

    public string? Minutes { get; set; }

    public List<string>? Decisions { get; set; }

    public List<ExchangeActionItem>? ActionItems { get; set; }
}
