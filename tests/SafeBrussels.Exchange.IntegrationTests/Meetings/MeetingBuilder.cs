using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

internal static class MeetingBuilder
{
    public static MeetingInput Valid(string title, Tlp tlp = Tlp.Amber, params Guid[] participants) => new()
    {
        Title = title,
        StartsAt = new DateTimeOffset(2026, 3, 12, 10, 0, 0, TimeSpan.FromHours(1)),
        EndsAt = new DateTimeOffset(2026, 3, 12, 12, 30, 0, TimeSpan.FromHours(1)),
        Mode = MeetingMode.Hybrid,
        Location = "Rue de la Loi 1, Bruxelles",
        Language = "fr",
        Themes = ["street-harassment"],
        Tlp = tlp,
        ParticipantOrganizationIds = [.. participants],
        Agenda = [new AgendaItemInput { Title = "Tour de table", Notes = "Chaque ville présente **son** dispositif." }],
        Minutes = "## Compte rendu\n\nLes deux villes comparent leurs approches.",
        Decisions = ["Partager les outils de formation"],
    };
}
