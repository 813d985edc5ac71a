using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SafeBrussels.Exchange.Web.Features.Exchange.Schema;
using SafeBrussels.Exchange.Web.Features.Exchange;

namespace SafeBrussels.Exchange.Web.Tests.Features.Exchange;

public sealed class ExchangeSchemaTests
{
    private const string ValidDocument = """
        {
          "format": "safebrussels-exchange/1",
          "organizations": [
            { "key": "safe-brussels", "name": "safe.brussels", "city": "Bruxelles", "country": "BE", "languages": ["fr", "nl"] },
            { "key": "stad-gent", "name": "Stad Gent – Dienst Preventie" }
          ],
          "practices": [
            {
              "externalId": "sb-p-0001",
              "organization": "safe-brussels",
              "language": "fr",
              "title": "Marches exploratoires de femmes",
              "summary": "Des habitantes parcourent leur quartier et signalent les lieux où elles ne se sentent pas en sécurité.",
              "problem": "Le harcèlement de rue **limite** les déplacements.",
              "approach": "Marches accompagnées, puis restitution à la commune.",
              "results": "Éclairage renforcé sur trois places.",
              "targetGroups": ["Habitantes", "Services communaux"],
              "themes": ["street-harassment", "nuisance-insecurity"],
              "tlp": "GREEN",
              "status": "running",
              "evidence": "evaluated",
              "startedOn": "2024-02-29",
              "contact": { "name": "Service prévention", "email": "prevention@safe.brussels" },
              "adaptedFrom": "gent-p-0007",
              "adaptation": { "localContext": "Quartiers denses.", "changes": "Marches en soirée." },
              "translations": {
                "nl": { "title": "Verkenningswandelingen", "summary": "Bewoonsters lopen door hun wijk." },
                "en": { "title": "Exploratory walks" }
              }
            },
            {
              "externalId": "gent-p-0007",
              "organization": "stad-gent",
              "language": "nl",
              "title": "Buurtwandelingen",
              "summary": "Wandelingen met buurtbewoners.",
              "themes": []
            }
          ],
          "meetings": [
            {
              "externalId": "gent-m-0003",
              "organization": "stad-gent",
              "participants": ["safe-brussels"],
              "language": "fr",
              "title": "Échange sur la radicalisation",
              "startsAt": "2024-11-20T10:00:00+01:00",
              "endsAt": "2024-11-20T12:30:00.5Z",
              "mode": "in-person",
              "location": "Gent, Stadhuis",
              "themes": ["radicalisation", "crisis-management"],
              "tlp": "AMBER+STRICT",
              "agenda": [{ "title": "Tour de table" }, { "title": "Retours d'expérience", "notes": "- Gent\n- Bruxelles" }],
              "minutes": "## Notes",
              "decisions": ["Se revoir en mars"],
              "actionItems": [{ "title": "Partager le guide", "owner": "safe-brussels", "due": "2025-01-15" }]
            }
          ]
        }
        """;

    [Fact]
    public void A_complete_valid_document_has_no_problems()
    {
        Assert.Empty(Validate(ValidDocument));
    }

    [Fact]
    public void A_document_with_only_the_format_is_valid()
    {
        Assert.Empty(Validate("""{ "format": "safebrussels-exchange/1" }"""));
    }

    [Fact]
    public void A_missing_format_is_reported_at_the_root()
    {
        var problem = AssertSingle(Mutate(d => d.Remove("format")), "$", "required");

        Assert.Equal(["format"], problem.Args);
        Assert.Equal("$: missing required property 'format'", problem.ToString());
    }

    [Fact]
    public void A_wrong_format_must_be_exactly_the_version()
    {
        var problem = AssertSingle(Mutate(d => d["format"] = "safebrussels-exchange/2"), "$.format", "const");

        Assert.Equal("$.format: must be exactly 'safebrussels-exchange/1'", problem.ToString());
    }

    [Fact]
    public void A_root_that_is_not_an_object_is_a_type_problem()
    {
        var problem = AssertSingle(Validate("[]"), "$", "type");

        Assert.Equal(["object", "array"], problem.Args);
    }

    [Fact]
    public void An_unknown_root_property_is_reported_at_its_own_path()
    {
        var problem = AssertSingle(Mutate(d => d["extra"] = 1), "$.extra", "additionalProperty");

        Assert.Equal(["extra"], problem.Args);
    }

    [Theory]
    [InlineData("weird key", "$['weird key']")]
    [InlineData("x-y", "$['x-y']")]
    [InlineData("1st", "$['1st']")]
    [InlineData("it's", @"$['it\'s']")]
    [InlineData("", "$['']")]
    [InlineData("_private2", "$._private2")]
    public void Property_names_that_are_not_identifiers_are_bracketed(string name, string expectedPath)
    {
        AssertSingle(Mutate(d => d[name] = true), expectedPath, "additionalProperty");
    }

    [Fact]
    public void A_collection_of_the_wrong_type_is_reported_without_descending_into_it()
    {
        var problem = AssertSingle(Mutate(d => d["practices"] = new JsonObject { ["title"] = 3 }), "$.practices", "type");

        Assert.Equal("$.practices: must be of type array, not object", problem.ToString());
    }

    [Fact]
    public void A_record_of_the_wrong_type_is_reported_once()
    {
        AssertSingle(Mutate(d => Practices(d)[1] = "gent-p-0007"), "$.practices[1]", "type");
    }

    [Fact]
    public void A_missing_required_property_is_reported_at_the_record()
    {
        var problem = AssertSingle(Mutate(d => Practice(d, 1).Remove("title")), "$.practices[1]", "required");

        Assert.Equal("$.practices[1]: missing required property 'title'", problem.ToString());
    }

    [Fact]
    public void An_unknown_tlp_lists_the_allowed_values()
    {
        var problem = AssertSingle(Mutate(d => Practice(d, 0)["tlp"] = "BLUE"), "$.practices[0].tlp", "enum");

        Assert.Equal("$.practices[0].tlp: 'BLUE' is not one of CLEAR, GREEN, AMBER, AMBER+STRICT, RED", problem.ToString());
    }

    [Fact]
    public void A_language_of_the_wrong_type_is_not_one_of_the_languages()
    {
        var problem = AssertSingle(Mutate(d => Meeting(d, 0)["language"] = 7), "$.meetings[0].language", "enum");

        Assert.Equal(["7", "fr, nl, en"], problem.Args);
    }

    [Fact]
    public void A_title_that_is_too_long_gives_its_length()
    {
        var problem = AssertSingle(Mutate(d => Practice(d, 0)["title"] = new string('a', 412)), "$.practices[0].title", "maxLength");

        Assert.Equal("$.practices[0].title: longer than 300 characters (412)", problem.ToString());
    }

    [Fact]
    public void Lengths_are_counted_in_code_points()
    {
        var emoji = "\U0001F6B2";

        Assert.Empty(Mutate(d => Practice(d, 0)["title"] = string.Concat(Enumerable.Repeat(emoji, 300))));
        var problem = AssertSingle(
            Mutate(d => Practice(d, 0)["title"] = string.Concat(Enumerable.Repeat(emoji, 301))), "$.practices[0].title", "maxLength");
        Assert.Equal(["300", "301"], problem.Args);
    }

    [Fact]
    public void Combining_marks_count_as_code_points()
    {
        // "é" written as e + U+0301 is two code points (PostgreSQL counts two characters), though one letter on screen.
        var decomposed = string.Concat(Enumerable.Repeat("e\u0301", 151));

        var problem = AssertSingle(Mutate(d => Practice(d, 0)["title"] = decomposed), "$.practices[0].title", "maxLength");

        Assert.Equal(["300", "302"], problem.Args);
    }

    [Fact]
    public void An_empty_summary_is_reported()
    {
        var problem = AssertSingle(Mutate(d => Practice(d, 1)["summary"] = ""), "$.practices[1].summary", "empty");

        Assert.Equal("$.practices[1].summary: must not be empty", problem.ToString());
    }

    [Fact]
    public void An_empty_external_id_is_reported()
    {
        AssertSingle(Mutate(d => Meeting(d, 0)["externalId"] = ""), "$.meetings[0].externalId", "empty");
    }

    [Fact]
    public void A_theme_key_must_match_the_key_pattern()
    {
        var problem = AssertSingle(
            Mutate(d => Practice(d, 0)["themes"] = new JsonArray("street-harassment", "Drugs")), "$.practices[0].themes[1]", "pattern");

        Assert.Equal(["Drugs", "^[a-z0-9][a-z0-9-]{0,63}$"], problem.Args);
    }

    [Fact]
    public void A_dollar_in_a_pattern_does_not_accept_a_trailing_newline()
    {
        AssertSingle(Mutate(d => Organization(d, 0)["country"] = "BE\n"), "$.organizations[0].country", "pattern");
    }

    [Fact]
    public void A_lower_case_country_does_not_match()
    {
        AssertSingle(Mutate(d => Organization(d, 0)["country"] = "be"), "$.organizations[0].country", "pattern");
    }

    [Fact]
    public void A_duplicate_theme_is_reported_at_the_duplicate()
    {
        var problem = AssertSingle(
            Mutate(d => Practice(d, 0)["themes"] = new JsonArray("radicalisation", "drugs-addiction", "radicalisation")),
            "$.practices[0].themes[2]",
            "uniqueItems");

        Assert.Equal(["radicalisation"], problem.Args);
    }

    [Fact]
    public void A_duplicate_language_of_an_organization_is_reported()
    {
        AssertSingle(Mutate(d => Organization(d, 0)["languages"] = new JsonArray("fr", "fr")), "$.organizations[0].languages[1]", "uniqueItems");
    }

    [Fact]
    public void A_duplicate_participant_is_reported()
    {
        AssertSingle(
            Mutate(d => Meeting(d, 0)["participants"] = new JsonArray("safe-brussels", "stad-gent", "safe-brussels")),
            "$.meetings[0].participants[2]",
            "uniqueItems");
    }

    [Fact]
    public void An_impossible_date_is_reported()
    {
        var problem = AssertSingle(Mutate(d => Practice(d, 1)["startedOn"] = "2024-02-30"), "$.practices[1].startedOn", "date");

        Assert.Equal("$.practices[1].startedOn: '2024-02-30' is not a valid date (YYYY-MM-DD)", problem.ToString());
    }

    [Theory]
    [InlineData("2024-02-29", true)]
    [InlineData("2000-02-29", true)]
    [InlineData("1999-12-31", true)]
    [InlineData("2023-02-29", false)]
    [InlineData("1900-02-29", false)]
    [InlineData("2024-04-31", false)]
    [InlineData("2024-13-01", false)]
    [InlineData("2024-00-10", false)]
    [InlineData("2024-01-00", false)]
    [InlineData("2024-1-05", false)]
    [InlineData("24-01-05", false)]
    [InlineData("2024/01/05", false)]
    [InlineData("2024-01-05T00:00:00Z", false)]
    [InlineData("2024-01-05\n", false)]
    [InlineData("２０２４-01-05", false)]
    [InlineData("", false)]
    public void Dates_must_be_real_calendar_dates(string value, bool valid)
    {
        var problems = Mutate(d => ActionItem(d)["due"] = value);

        AssertValidOrSingle(problems, valid, "$.meetings[0].actionItems[0].due", "date");
    }

    [Theory]
    [InlineData("2024-11-20T10:00:00+01:00", true)]
    [InlineData("2024-11-20T09:00:00Z", true)]
    [InlineData("2024-11-20t09:00:00z", true)]
    [InlineData("2024-11-20T09:00:00.123456789-05:30", true)]
    [InlineData("2024-02-29T23:59:59+14:00", true)]
    [InlineData("2024-11-20T10:00:00", false)]
    [InlineData("2024-11-20 10:00:00+01:00", false)]
    [InlineData("2024-11-20T10:00+01:00", false)]
    [InlineData("2024-11-20T24:00:00Z", false)]
    [InlineData("2024-11-20T10:60:00Z", false)]
    [InlineData("2024-11-20T10:00:60Z", false)]
    [InlineData("2024-11-20T10:00:00+0100", false)]
    [InlineData("2024-11-20T10:00:00+01:60", false)]
    [InlineData("2024-11-20T10:00:00+15:00", false)]
    [InlineData("2024-11-20T10:00:00.Z", false)]
    [InlineData("2023-02-29T10:00:00Z", false)]
    [InlineData("0001-01-01T01:00:00+01:00", true)]
    [InlineData("0001-01-01T00:30:00+01:00", false)]
    [InlineData("9999-12-31T23:59:59-01:00", false)]
    [InlineData("2024-11-20", false)]
    public void Date_times_must_follow_rfc_3339_with_an_offset(string value, bool valid)
    {
        var problems = Mutate(d => Meeting(d, 0)["startsAt"] = value);

        AssertValidOrSingle(problems, valid, "$.meetings[0].startsAt", "dateTime");
        if (valid)
        {
            _ = DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind);
        }
    }

    [Theory]
    [InlineData("prevention@safe.brussels", true)]
    [InlineData("jan.peeters+preventie@stad.gent.be", true)]
    [InlineData("prevention", false)]
    [InlineData("@safe.brussels", false)]
    [InlineData("prevention@", false)]
    [InlineData("prevention@localhost", false)]
    [InlineData("prevention@safe..brussels", false)]
    [InlineData("prevention@safe.brussels.", false)]
    [InlineData("a@b@safe.brussels", false)]
    [InlineData("jan peeters@stad.gent", false)]
    [InlineData("prevention@safe.brussels\n", false)]
    [InlineData("jérôme.dupont@liège.be", true)]
    public void Email_addresses_are_checked_pragmatically(string value, bool valid)
    {
        var problems = Mutate(d => Practice(d, 0)["contact"]!["email"] = value);

        AssertValidOrSingle(problems, valid, "$.practices[0].contact.email", "email");
    }

    [Fact]
    public void An_unknown_translation_language_is_a_property_name_problem()
    {
        var problem = AssertSingle(
            Mutate(d => Practice(d, 0)["translations"]!["de"] = new JsonObject { ["title"] = "Erkundungsgänge" }),
            "$.practices[0].translations.de",
            "propertyName");

        Assert.Equal("$.practices[0].translations.de: 'de' is not an allowed property name (allowed: fr, nl, en)", problem.ToString());
    }

    [Fact]
    public void A_translation_is_validated_by_the_additional_properties_schema()
    {
        var problems = Mutate(d =>
        {
            var nl = Practice(d, 0)["translations"]!["nl"]!;
            nl["title"] = "";
            nl["colour"] = "blue";
        });

        Assert.Collection(
            problems,
            p => AssertProblem(p, "$.practices[0].translations.nl.title", "empty"),
            p => AssertProblem(p, "$.practices[0].translations.nl.colour", "additionalProperty"));
    }

    [Fact]
    public void A_nested_unknown_property_is_reported_at_its_own_path()
    {
        AssertSingle(Mutate(d => Practice(d, 0)["contact"]!["phone"] = "02 000 00 00"), "$.practices[0].contact.phone", "additionalProperty");
    }

    [Fact]
    public void An_agenda_item_without_title_is_reported_at_the_item()
    {
        var problem = AssertSingle(Mutate(d => Meeting(d, 0)["agenda"]![1]!.AsObject().Remove("title")), "$.meetings[0].agenda[1]", "required");

        Assert.Equal(["title"], problem.Args);
    }

    [Fact]
    public void A_decision_of_the_wrong_type_names_both_types()
    {
        var problem = AssertSingle(Mutate(d => Meeting(d, 0)["decisions"] = new JsonArray("ok", 42)), "$.meetings[0].decisions[1]", "type");

        Assert.Equal("$.meetings[0].decisions[1]: must be of type string, not number", problem.ToString());
    }

    [Fact]
    public void A_null_value_is_a_type_problem()
    {
        var problem = AssertSingle(Mutate(d => Organization(d, 0)["city"] = null), "$.organizations[0].city", "type");

        Assert.Equal(["string", "null"], problem.Args);
    }

    [Fact]
    public void A_repeated_property_is_reported_at_the_repetition()
    {
        var problems = Validate("""{ "format": "safebrussels-exchange/1", "format": "safebrussels-exchange/1" }""");

        AssertProblem(Assert.Single(problems), "$.format", "duplicateProperty");
    }

    [Fact]
    public void A_repeated_collection_is_reported_and_checked_without_failing()
    {
        var problems = Validate("""{ "format": "safebrussels-exchange/1", "practices": null, "practices": [{ "externalId": 1 }] }""");

        Assert.Equal(["$.practices: type", "$.practices: duplicateProperty"], problems.Select(p => $"{p.Path}: {p.Code}"));
    }

    [Fact]
    public void Unpaired_surrogate_escapes_are_reported_instead_of_throwing()
    {
        var problems = Validate("""
            {
              "format": "safebrussels-exchange/1",
              "practices": [
                {
                  "externalId": "sb-p-\ud800",
                  "organization": "safe-brussels",
                  "language": "fr",
                  "title": "Titre",
                  "summary": "Résumé",
                  "themes": [{ "k": "\udc00" }, { "k": "\udc00" }],
                  "x\ud800": 1
                }
              ]
            }
            """);

        Assert.Collection(
            problems,
            p => AssertProblem(p, "$.practices[0].externalId", "unicode"),
            p => AssertProblem(p, "$.practices[0].themes[0]", "type"),
            p => AssertProblem(p, "$.practices[0].themes[1]", "type"),
            p => AssertProblem(p, @"$.practices[0]['x\ud800']", "unicode"));
    }

    [Fact]
    public void All_problems_are_reported_in_document_order()
    {
        var problems = Mutate(d =>
        {
            d["format"] = "v1";
            Organization(d, 1)["key"] = "Stad Gent";
            Practice(d, 0)["tlp"] = "BLUE";
            Practice(d, 0)["themes"] = new JsonArray("drugs-addiction", "drugs-addiction");
            Practice(d, 1).Remove("summary");
            Practice(d, 1)["startedOn"] = "2024-02-30";
            Meeting(d, 0)["mode"] = "carrier pigeon";
            d["colour"] = "blue";
        });

        Assert.Equal(
            [
                "$.format: const",
                "$.organizations[1].key: pattern",
                "$.practices[0].themes[1]: uniqueItems",
                "$.practices[0].tlp: enum",
                "$.practices[1]: required",
                "$.practices[1].startedOn: date",
                "$.meetings[0].mode: enum",
                "$.colour: additionalProperty",
            ],
            problems.Select(p => $"{p.Path}: {p.Code}"));
    }

    [Fact]
    public void Long_and_multiline_values_are_shortened_in_messages()
    {
        var value = "Line one\n" + new string('x', 200);

        var problem = AssertSingle(Mutate(d => Practice(d, 0)["status"] = value), "$.practices[0].status", "enum");

        Assert.StartsWith(@"Line one\nxxx", problem.Args[0], StringComparison.Ordinal);
        Assert.EndsWith("…", problem.Args[0], StringComparison.Ordinal);
        Assert.DoesNotContain('\n', problem.Message);
    }

    [Theory]
    [InlineData("{ \"format\": ", "1", "13")]
    [InlineData("{\n  \"format\": \"safebrussels-exchange/1\",\n  \"practices\": [ }", "3", "18")]
    [InlineData("", "1", "1")]
    public void Invalid_json_is_reported_with_its_position(string json, string line, string bytePosition)
    {
        var exception = Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(json).Dispose());

        var problem = ExchangeSchema.SyntaxError(exception);

        AssertProblem(problem, "$", "json");
        Assert.Equal([line, bytePosition], problem.Args);
        Assert.Equal($"$: invalid JSON at line {line}, byte {bytePosition}", problem.ToString());
    }

    [Theory]
    [InlineData("json")]
    [InlineData("type")]
    [InlineData("required")]
    [InlineData("additionalProperty")]
    [InlineData("duplicateProperty")]
    [InlineData("propertyName")]
    [InlineData("const")]
    [InlineData("enum")]
    [InlineData("pattern")]
    [InlineData("empty")]
    [InlineData("minLength")]
    [InlineData("maxLength")]
    [InlineData("uniqueItems")]
    [InlineData("date")]
    [InlineData("dateTime")]
    [InlineData("email")]
    [InlineData("unicode")]
    public void Every_schema_code_has_an_english_template(string code)
    {
        Assert.True(ExchangeProblemMessages.Templates.ContainsKey(code));
    }

    [Fact]
    public void Every_template_formats_with_two_arguments()
    {
        foreach (var code in ExchangeProblemMessages.Templates.Keys)
        {
            Assert.DoesNotContain("{", ExchangeProblemMessages.English(code, ["a", "b"]), StringComparison.Ordinal);
        }

        Assert.Equal("'x' is not one of a, b", ExchangeProblemMessages.English("enum", ["x", "a, b"]));
    }

    private static IReadOnlyList<ExchangeProblem> Validate(string json)
    {
        using var document = JsonDocument.Parse(json);
        return ExchangeSchema.Validate(document.RootElement);
    }

    private static IReadOnlyList<ExchangeProblem> Mutate(Action<JsonObject> change)
    {
        var document = JsonNode.Parse(ValidDocument)!.AsObject();
        change(document);
        return Validate(document.ToJsonString());
    }

    private static JsonArray Practices(JsonObject document) => document["practices"]!.AsArray();

    private static JsonObject Practice(JsonObject document, int index) => Practices(document)[index]!.AsObject();

    private static JsonObject Organization(JsonObject document, int index) => document["organizations"]![index]!.AsObject();

    private static JsonObject Meeting(JsonObject document, int index) => document["meetings"]![index]!.AsObject();

    private static JsonObject ActionItem(JsonObject document) => Meeting(document, 0)["actionItems"]![0]!.AsObject();

    private static ExchangeProblem AssertSingle(IReadOnlyList<ExchangeProblem> problems, string path, string code)
    {
        var problem = Assert.Single(problems);
        AssertProblem(problem, path, code);
        return problem;
    }

    private static void AssertValidOrSingle(IReadOnlyList<ExchangeProblem> problems, bool valid, string path, string code)
    {
        if (valid)
        {
            Assert.Empty(problems);
        }
        else
        {
            AssertSingle(problems, path, code);
        }
    }

    private static void AssertProblem(ExchangeProblem problem, string path, string code)
    {
        Assert.Equal(path, problem.Path);
        Assert.Equal(code, problem.Code);
    }
}
