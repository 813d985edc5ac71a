using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Meetings;

namespace SafeBrussels.Exchange.Web.Features.Demo;

/// <summary>A few realistic meetings of the demo, in French and Dutch, at every sharing level worth showing.</summary>
internal static class DemoMeetings
{
    public sealed record Seed(
        string AuthorEmail, MeetingInput Input, string[] ParticipantKeys, string[] AttendeeEmails,
        (string Title, string OwnerKey, int DueInDays)[] Actions, string[]? Practices = null)
    {
        /// <summary>The demo practices (demo-practices.json) presented at the meeting.</summary>
        public string[] PracticeExternalIds => Practices ?? [];
    }

    public static IReadOnlyList<Seed> All(DateTimeOffset today)
    {
        DateTimeOffset At(int days, int hour) =>
            Infrastructure.Localization.ExchangeTime.FromBrussels(Infrastructure.Localization.ExchangeTime.ToBrussels(today).Date.AddDays(days).AddHours(hour));

        return
        [
            new(
                "contributor@safe-brussels.example",
                new MeetingInput
                {
                    Title = "Échange safe.brussels – Gand : harcèlement de rue et sentiment d’insécurité",
                    StartsAt = At(-21, 10),
                    EndsAt = At(-21, 13),
                    Mode = MeetingMode.InPerson,
                    Location = "safe.brussels, rue Ducale 33, Bruxelles",
                    Language = "fr",
                    Themes = ["street-harassment", "nuisance-insecurity"],
                    Tlp = Tlp.Amber,
                    Agenda =
                    [
                        new() { Title = "Tour de table des services", Notes = "Prévention, médiation de quartier, gardiens de la paix, police locale." },
                        new() { Title = "Présentation du dispositif gantois « Veilige straten »", Notes = "Formation des agents de terrain et **marches exploratoires** avec des habitantes." },
                        new() { Title = "Baromètre bruxellois du sentiment d’insécurité", Notes = "Premiers résultats par commune ; comparaison avec l’enquête de Gand." },
                    ],
                    Minutes = "## Points clés\n\n- Les deux villes constatent une hausse des signalements en soirée dans les nœuds de transport.\n- Gand partage son module de formation « intervenir comme témoin » (bystander).\n- Bruxelles propose d’associer la STIB aux prochaines marches exploratoires.\n\n## À retenir\n\nAdapter le module gantois au contexte bilingue bruxellois plutôt que d’en créer un nouveau.",
                    Decisions = ["Traduire le module de formation gantois en français", "Organiser une marche exploratoire commune en mai"],
                },
                ["stad-gent"],
                ["reader@stad-gent.example"],
                [("Envoyer le module de formation (NL) à safe.brussels", "stad-gent", 14), ("Proposer trois dates pour la marche exploratoire", "safe-brussels", -3)],
                ["demo-p-sb-01", "demo-p-sb-02"]),
            new(
                "contributor@stad-gent.example",
                new MeetingInput
                {
                    Title = "Uitwisseling Gent – Brussel: drugsbeleid en schadebeperking in de openbare ruimte",
                    StartsAt = At(-7, 14),
                    EndsAt = At(-7, 16),
                    Mode = MeetingMode.Hybrid,
                    Location = "Stadhuis Gent, Botermarkt 1 + Teams",
                    Language = "nl",
                    Themes = ["drugs-addiction"],
                    Tlp = Tlp.Green,
                    Agenda =
                    [
                        new() { Title = "Stand van zaken drugsoverlast rond stations", Notes = "Cijfers van de straathoekwerkers en de politie." },
                        new() { Title = "Ervaringen met het Brusselse outreachteam", Notes = "Wat werkt bij de opvang van gebruikers in de **openbare ruimte**?" },
                    ],
                    Minutes = "## Verslag\n\nBeide steden werken met outreach; Brussel combineert dit met een gebruiksruimte.\n\n- Gent bekijkt een proefproject naar Brussels model.\n- Afspraak om de evaluatie van het Brusselse project te delen.",
                    Decisions = ["Evaluatierapport van Brussel delen met Gent"],
                },
                ["safe-brussels"],
                [],
                [("Evaluatierapport doorsturen", "safe-brussels", 10)],
                ["demo-p-gent-01", "demo-p-sb-03"]),
            new(
                "contributor@safe-brussels.example",
                new MeetingInput
                {
                    Title = "Préparation de la cellule de crise – grands événements de l’été",
                    StartsAt = At(7, 9),
                    EndsAt = At(7, 11),
                    Mode = MeetingMode.Online,
                    Location = "Teams",
                    Language = "fr",
                    Themes = ["crisis-management"],
                    Tlp = Tlp.AmberStrict,
                    Agenda = [new() { Title = "Scénarios et rôles", Notes = "Relecture du plan général d’urgence et d’intervention." }],
                    Minutes = "",
                },
                [],
                [],
                []),
            new(
                "contributor@stad-gent.example",
                new MeetingInput
                {
                    Title = "Casusoverleg radicalisering (beperkte kring)",
                    StartsAt = At(-2, 9),
                    EndsAt = At(-2, 10),
                    Mode = MeetingMode.InPerson,
                    Location = "Gent",
                    Language = "nl",
                    Themes = ["radicalisation"],
                    Tlp = Tlp.Red,
                    Minutes = "Enkel voor de genoemde deelnemers.",
                },
                [],
                ["org.admin@stad-gent.example"],
                []),
        ];
    }
}
