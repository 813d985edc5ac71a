using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.Benchmarks;

/// <summary>
/// A deterministic synthetic corpus of realistic length in the three languages: one record in five words is a term
/// of the shipped glossary (the field's vocabulary), mostly of the record's own themes, the rest everyday words, so
/// that searches hit realistic posting lists.
/// </summary>
internal static class SyntheticCorpus
{
    private static readonly Dictionary<string, string[]> Filler = new()
    {
        ["fr"] = ["le", "la", "les", "des", "un", "une", "avec", "pour", "dans", "sur", "par", "et", "qui", "que", "chaque", "semaine",
                  "ville", "quartier", "équipe", "partenaires", "habitants", "projet", "mise", "place", "suivi", "soir", "année", "dispositif",
                  "commune", "terrain", "groupe", "réunion", "accueil", "rencontre", "travail", "formation", "résultat", "objectif"],
        ["nl"] = ["de", "het", "een", "met", "voor", "in", "op", "door", "en", "die", "dat", "elke", "week", "stad", "wijk", "team",
                  "partners", "bewoners", "project", "opvolging", "avond", "jaar", "aanpak", "gemeente", "terrein", "groep", "overleg",
                  "onthaal", "ontmoeting", "werk", "opleiding", "resultaat", "doel", "samen", "lokale", "dienst", "buurt", "plan"],
        ["en"] = ["the", "a", "with", "for", "in", "on", "by", "and", "who", "that", "each", "week", "city", "district", "team",
                  "partners", "residents", "project", "follow", "evening", "year", "approach", "municipality", "field", "group",
                  "meeting", "reception", "work", "training", "result", "goal", "together", "local", "service", "area", "plan", "staff"],
    };

    private static readonly string[] Themes =
        ["intrafamily-violence", "street-harassment", "radicalisation", "drugs-addiction", "nuisance-insecurity", "crisis-management"];

    private static readonly string[] Languages = ["fr", "nl", "en"];

    public const int Organizations = 24;

    public static ExchangeDocument Generate(int practices, int meetings, int seed = 20261126)
    {
        var random = new Random(seed);
        var glossary = GlossaryStore.Shipped();

        // Like real records, a record speaks mostly of its own themes: a few concepts of a theme are in most of its
        // records, most concepts in a few (a Zipf distribution over each theme's concepts, and over the general ones).
        var byTheme = Themes.ToDictionary(t => t, t => glossary.Where(c => c.Theme == t).OrderBy(_ => random.Next()).ToArray());
        var general = glossary.Where(c => c.Theme is null).OrderBy(_ => random.Next()).ToArray();

        static double[] Zipf(int count)
        {
            var cumulative = new double[count];
            var sum = 0.0;
            for (var r = 0; r < count; r++)
            {
                sum += 1.0 / (r + 1);
                cumulative[r] = sum;
            }

            return cumulative.Select(c => c / sum).ToArray();
        }

        var zipf = new Dictionary<int, double[]>();
        GlossaryConcept Pick(GlossaryConcept[] concepts)
        {
            if (!zipf.TryGetValue(concepts.Length, out var cumulative))
            {
                zipf[concepts.Length] = cumulative = Zipf(concepts.Length);
            }

            var index = Array.BinarySearch(cumulative, random.NextDouble());
            return concepts[Math.Min(index < 0 ? ~index : index, concepts.Length - 1)];
        }

        string Term(GlossaryConcept concept, string language)
        {
            var terms = language == "fr" ? concept.Fr : language == "nl" ? concept.Nl : concept.En;

            // The preferred term most of the time, a variant otherwise.
            return terms.Count == 0 ? "" : terms[random.Next(4) == 0 ? random.Next(terms.Count) : 0];
        }

        string[] recordThemes = [];
        string Words(string language, int min, int max)
        {
            var filler = Filler[language];
            var count = random.Next(min, max + 1);
            var words = new List<string>(count);
            while (words.Count < count)
            {
                var r = random.Next(100);
                var word = r < 12 ? Term(Pick(byTheme[recordThemes[random.Next(recordThemes.Length)]]), language)
                    : r < 20 ? Term(Pick(general), language)
                    : filler[random.Next(filler.Length)];
                if (word.Length > 0)
                {
                    words.Add(word);
                }
            }

            return string.Join(' ', words);
        }

        // Lines of the format stay within 300 characters.
        string Line(string language, int min, int max)
        {
            var text = Words(language, min, max);
            return text.Length <= 290 ? text : text[..290].TrimEnd();
        }

        string Paragraphs(string language, int sentences) =>
            string.Join(". ", Enumerable.Range(0, sentences).Select(_ => Words(language, 8, 18))) + ".";

        string Tlp()
        {
            var r = random.Next(100);
            return r < 20 ? "CLEAR" : r < 80 ? "GREEN" : r < 95 ? "AMBER" : "RED";
        }

        List<string> SomeThemes()
        {
            recordThemes = Themes.OrderBy(_ => random.Next()).Take(random.Next(4) == 0 ? 2 : 1).Order(StringComparer.Ordinal).ToArray();
            return [.. recordThemes];
        }

        var organizations = Enumerable.Range(1, Organizations).Select(i => new ExchangeOrganization
        {
            Key = $"bench-city-{i:00}", Name = $"Bench City {i:00}", City = $"City {i:00}", Country = "BE", Languages = [Languages[i % 3]],
        }).ToList();

        var practiceList = new List<ExchangePractice>(practices);
        for (var i = 0; i < practices; i++)
        {
            var language = Languages[i % 3];
            var other = Languages[(i + 1) % 3];
            var themes = SomeThemes();
            practiceList.Add(new ExchangePractice
            {
                ExternalId = $"bench-p-{i:000000}",
                Organization = organizations[random.Next(Organizations)].Key,
                Language = language,
                Title = Line(language, 5, 11),
                Summary = Paragraphs(language, 3),
                Problem = Paragraphs(language, 6),
                Approach = Paragraphs(language, 8),
                Results = Paragraphs(language, 4),
                TargetGroups = [Line(language, 1, 3)],
                Themes = themes,
                Tlp = Tlp(),
                Status = "running",
                Evidence = "promising",
                StartedOn = $"20{random.Next(15, 26)}-{random.Next(1, 13):00}-{random.Next(1, 29):00}",
                Translations = i % 4 == 0
                    ? new SortedDictionary<string, ExchangeTranslation>(StringComparer.Ordinal) { [other] = new() { Title = Line(other, 5, 10), Summary = Paragraphs(other, 2) } }
                    : null,
                AdaptedFrom = i > 10 && i % 50 == 0 ? $"bench-p-{random.Next(i):000000}" : null,
            });
        }

        var meetingList = new List<ExchangeMeeting>(meetings);
        for (var i = 0; i < meetings; i++)
        {
            var language = Languages[(i + 2) % 3];
            var themes = SomeThemes();
            var day = new DateTimeOffset(2019, 1, 1, 9, 0, 0, TimeSpan.FromHours(1)).AddDays(random.Next(0, 2900));
            meetingList.Add(new ExchangeMeeting
            {
                ExternalId = $"bench-m-{i:000000}",
                Organization = organizations[random.Next(Organizations)].Key,
                Participants = [organizations[random.Next(Organizations)].Key],
                Language = language,
                Title = Line(language, 5, 10),
                StartsAt = day.ToString(ExchangeExporter.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
                EndsAt = day.AddHours(2).ToString(ExchangeExporter.DateTimeFormat, System.Globalization.CultureInfo.InvariantCulture),
                Mode = "hybrid",
                Location = Line(language, 2, 4),
                Themes = themes,
                Tlp = Tlp(),
                Agenda = Enumerable.Range(0, random.Next(2, 5)).Select(_ => new ExchangeAgendaItem { Title = Line(language, 3, 7), Notes = Paragraphs(language, 2) }).ToList(),
                Minutes = Paragraphs(language, 10),
                Decisions = Enumerable.Range(0, random.Next(1, 4)).Select(_ => Words(language, 6, 14)).ToList(),
            });
        }

        // Duplicated participants are not allowed; a meeting hosted by its own participant keeps only the host.
        foreach (var meeting in meetingList.Where(m => m.Participants![0] == m.Organization))
        {
            meeting.Participants = null;
        }

        return new ExchangeDocument { Organizations = organizations, Practices = practiceList, Meetings = meetingList };
    }
}
