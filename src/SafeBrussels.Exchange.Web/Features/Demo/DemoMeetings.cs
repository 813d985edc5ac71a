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
            .. Earlier(At),
        ];
    }

    /// <summary>The year before: shorter records of earlier exchanges, so that the dashboard's charts have a history.</summary>
    private static IEnumerable<Seed> Earlier(Func<int, int, DateTimeOffset> at)
    {
        (int DaysAgo, string Author, string[] Participants, string Language, string Title, string[] Themes, Tlp Tlp, string Minutes)[] earlier =
        [
            (330, "contributor@safe-brussels.example", ["stad-gent"], "fr", "Lancement de l’échange Bruxelles–Gand : priorités communes", ["intrafamily-violence", "radicalisation"], Tlp.Green,
                "Les deux services s’accordent sur cinq thèmes prioritaires et un rythme d’une rencontre par trimestre."),
            (290, "contributor@stad-gent.example", ["safe-brussels"], "nl", "Werkbezoek Family Justice Center Gent", ["intrafamily-violence"], Tlp.Amber,
                "Rondleiding en toelichting bij de ketenaanpak intrafamiliaal geweld; Brussel bekijkt een gelijkaardig model."),
            (250, "contributor@safe-brussels.example", ["stad-gent", "ville-de-liege"], "fr", "Nuisances nocturnes et médiation : trois villes comparent", ["nuisance-insecurity"], Tlp.Green,
                "Gand présente ses nachtburgemeester et médiateurs de nuit ; Liège ses conventions avec le secteur horeca."),
            (200, "contributor@stad-gent.example", ["safe-brussels"], "nl", "Crisisoefening overstromingen: lessen voor beide steden", ["crisis-management"], Tlp.Amber,
                "Evaluatie van de oefening; afspraken over gedeelde communicatiesjablonen in drie talen."),
            (160, "contributor@safe-brussels.example", ["ville-de-liege"], "fr", "Assuétudes : salles de consommation et travail de rue", ["drugs-addiction"], Tlp.Green,
                "Liège partage son expérience de la salle de consommation ; Bruxelles celle du travail de rue à la gare du Midi."),
            (120, "contributor@stad-gent.example", ["safe-brussels"], "nl", "Straatintimidatie: aanpak in het nachtleven", ["street-harassment"], Tlp.Green,
                "Opleiding van horecapersoneel en het meldpunt; Brussel bekijkt de campagne voor zijn uitgaansbuurten."),
            (85, "contributor@safe-brussels.example", ["stad-gent"], "en", "Radicalisation prevention: working with families", ["radicalisation"], Tlp.Amber,
                "Both cities compare their family support; Ghent's case consultation model is presented."),
            (45, "contributor@safe-brussels.example", ["stad-gent", "ville-de-liege"], "fr", "Sentiment d’insécurité : résultats des enquêtes locales", ["nuisance-insecurity"], Tlp.Green,
                "Comparaison des trois enquêtes ; les questions communes seront alignées pour la prochaine édition."),
        ];
        return earlier.Select(e => new Seed(
            e.Author,
            new MeetingInput
            {
                Title = e.Title,
                StartsAt = at(-e.DaysAgo, 10),
                EndsAt = at(-e.DaysAgo, 12),
                Mode = MeetingMode.InPerson,
                Location = e.Author.Contains("gent", StringComparison.Ordinal) ? "Gent" : "Bruxelles",
                Language = e.Language,
                Themes = [.. e.Themes],
                Tlp = e.Tlp,
                Minutes = e.Minutes,
                Decisions = [],
            },
            e.Participants,
            [],
            []));
    }
}
