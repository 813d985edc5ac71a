using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>What people expect of the search box, through <c>GET /api/v1/search</c>, each test on records of its own organization.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class SearchBehaviourTests(AppFixture app)
{
    [Fact]
    public async Task Matches_are_highlighted_in_an_html_safe_snippet()
    {
        var word = Unique("marqueur");
        var (organization, user, author) = await SetUpAsync();
        var input = PracticeBuilder.Input("Une pratique");
        input.Problem = $"Le texte où a < b & c explique le {word} dans son contexte de quartier.";
        await app.CreateAsync(author, input);

        using var client = await app.BearerClientAsync(user);
        var hit = (await SearchAsync(client, $"q={word}&org={organization.Key}")).GetProperty("items")[0];
        var snippet = hit.GetProperty("snippet").GetString()!;
        Assert.Contains($"<mark>{word}</mark>", snippet);
        Assert.Contains("a &lt; b &amp; c", snippet);
        Assert.Contains("où", snippet);
    }

    [Fact]
    public async Task Hits_totals_and_facets_count_only_what_the_viewer_may_see()
    {
        var word = Unique("facette");
        var (host, colleague, author) = await SetUpAsync();
        var other = await app.CreateOrganizationAsync("nl");
        var (outsider, _) = await app.CreateUserAsync(other, ExchangeRole.Reader);
        foreach (var level in TlpLabels.All)
        {
            var practice = await app.CreateAsync(author, PracticeBuilder.Input($"Pratique {level} {word}", level));
            // A comment on each: those on hidden practices must not count either.
            await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(author, RecordRef.Practice(practice), $"Question sur le {word}"));
            var meeting = MeetingBuilder.Valid($"Réunion {level} {word}", level);
            await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, meeting));
        }

        using var outsiderClient = await app.BearerClientAsync(outsider);
        var seen = await SearchAsync(outsiderClient, $"q={word}&pageSize=100");
        Assert.Equal(6, seen.GetProperty("total").GetInt32());
        Assert.All(seen.GetProperty("items").EnumerateArray(), i => Assert.Contains(i.GetProperty("tlp").GetString(), new[] { "CLEAR", "GREEN" }));
        Assert.Equal(
            new Dictionary<string, int> { ["comment"] = 2, ["meeting"] = 2, ["practice"] = 2 },
            Facet(seen, "type"));
        Assert.Equal(new Dictionary<string, int> { [host.Key] = 6 }, Facet(seen, "org"));
        // A theme counts what choosing it shows: the records of it and of its sub-themes, with their comments.
        var themes = Facet(seen, "theme");
        Assert.Equal(6, themes["street-harassment"]);
        Assert.Equal(6, themes["intrafamily-violence"]);
        foreach (var (theme, count) in themes)
        {
            Assert.Equal(count, (await SearchAsync(outsiderClient, $"q={word}&theme={theme}&pageSize=100")).GetProperty("total").GetInt32());
        }

        // A reader of the host organization sees everything but the RED records, which name only their author.
        using var colleagueClient = await app.BearerClientAsync(colleague);
        var all = await SearchAsync(colleagueClient, $"q={word}&pageSize=100");
        Assert.Equal(12, all.GetProperty("total").GetInt32());
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("tlp").GetString() == "RED");
        Assert.Equal(4, Facet(all, "type")["practice"]);

        var filtered = await SearchAsync(colleagueClient, $"q={word}&type=meeting");
        Assert.Equal(4, filtered.GetProperty("total").GetInt32());
        Assert.All(filtered.GetProperty("items").EnumerateArray(), i => Assert.Equal("meeting", i.GetProperty("type").GetString()));
    }

    [Fact]
    public async Task Quoted_phrases_or_and_exclusion_work_as_in_a_web_search_box()
    {
        var (alpha, beta, gamma, delta) = (Unique("alpha"), Unique("beta"), Unique("gamma"), Unique("delta"));
        var (organization, user, author) = await SetUpAsync();
        var a = await app.CreateAsync(author, PracticeBuilder.Input($"{alpha} {beta} {gamma}"));
        var b = await app.CreateAsync(author, PracticeBuilder.Input($"{beta} puis {alpha}"));
        var c = await app.CreateAsync(author, PracticeBuilder.Input($"{alpha} et {delta}"));
        using var client = await app.BearerClientAsync(user);

        async Task<Guid[]> Ids(string q) =>
            (await SearchAsync(client, $"q={Uri.EscapeDataString(q)}&org={organization.Key}&pageSize=100"))
                .GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()).Order().ToArray();

        Assert.Equal(new[] { a }, await Ids($"\"{alpha} {beta}\""));
        Assert.Equal(new[] { a, b }.Order(), await Ids($"{alpha} -{delta}"));
        Assert.Equal(new[] { a, c }.Order(), await Ids($"{gamma} OR {delta}"));
        Assert.Equal(new[] { a, b, c }.Order(), await Ids(alpha));

        // Every word counts: the practice that has all of them comes first.
        var ranked = (await SearchAsync(client, $"q={Uri.EscapeDataString($"{alpha} {beta} {gamma}")}&org={organization.Key}"))
            .GetProperty("items")[0].GetProperty("id").GetGuid();
        Assert.Equal(a, ranked);
    }

    [Fact]
    public async Task Accents_and_case_never_matter()
    {
        var word = Unique("crèmebrûlée");
        var (organization, user, author) = await SetUpAsync();
        var practice = await app.CreateAsync(author, PracticeBuilder.Input($"Une {word} à Liège"));
        using var client = await app.BearerClientAsync(user);

        foreach (var typed in new[] { word.ToUpperInvariant(), Web.Features.Search.TextFolding.Fold(word), word })
        {
            var found = await SearchAsync(client, $"q={Uri.EscapeDataString(typed)}&org={organization.Key}");
            Assert.Equal(practice, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        }

        var liege = await SearchAsync(client, $"q=LIEGE&org={organization.Key}");
        Assert.Equal(1, liege.GetProperty("total").GetInt32());
    }

    [Theory]
    [InlineData("fr", "harcèlement de rue", "nl", "straatintimidatie")]
    [InlineData("nl", "straatintimidatie", "en", "street harassment")]
    [InlineData("en", "street harassment", "fr", "harcèlement de rue")]
    [InlineData("fr", "réduction des risques", "en", "harm reduction")]
    [InlineData("nl", "schadebeperking", "fr", "réduction des risques")]
    [InlineData("en", "harm reduction", "nl", "schadebeperking")]
    public async Task A_query_in_one_language_finds_a_record_written_in_another(string recordLanguage, string recordTerm, string queryLanguage, string queryTerm)
    {
        var (organization, user, author) = await SetUpAsync();
        var input = PracticeBuilder.Input($"Pratique {Guid.NewGuid():N}", Tlp.Green, recordLanguage, "crisis-management");
        input.Summary = $"{recordTerm}.";
        input.Problem = "";
        input.Approach = "";
        var practice = await app.CreateAsync(author, input);
        using var client = await app.BearerClientAsync(user);

        var found = await SearchAsync(client, $"q={Uri.EscapeDataString(queryTerm)}&org={organization.Key}&lang={recordLanguage}");
        Assert.True(found.GetProperty("total").GetInt32() == 1, $"a {queryLanguage} query '{queryTerm}' did not find the {recordLanguage} record '{recordTerm}'");
        Assert.Equal(practice, found.GetProperty("items")[0].GetProperty("id").GetGuid());
    }

    [Fact]
    public async Task A_language_filter_keeps_only_records_written_in_that_language()
    {
        var (organization, user, author) = await SetUpAsync();
        var french = PracticeBuilder.Input($"Pratique {Guid.NewGuid():N}", Tlp.Green, "fr");
        french.Summary = "Le harcèlement de rue dans les gares.";
        var dutch = PracticeBuilder.Input($"Praktijk {Guid.NewGuid():N}", Tlp.Green, "nl");
        dutch.Summary = "Straatintimidatie rond de stations.";
        var frenchId = await app.CreateAsync(author, french);
        var dutchId = await app.CreateAsync(author, dutch);
        await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(author, RecordRef.Practice(dutchId), "Straatintimidatie: hoe meten jullie het?"));
        using var client = await app.BearerClientAsync(user);

        var all = await SearchAsync(client, $"q=straatintimidatie&org={organization.Key}");
        Assert.Equal(3, all.GetProperty("total").GetInt32());
        var french_only = await SearchAsync(client, $"q=straatintimidatie&org={organization.Key}&lang=fr");
        Assert.Equal([frenchId], french_only.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetGuid()));
        Assert.Equal(new Dictionary<string, int> { ["fr"] = 1 }, Facet(french_only, "lang"));
    }

    [Fact]
    public async Task Theme_names_in_any_language_find_the_records_of_the_theme()
    {
        var (organization, user, author) = await SetUpAsync();
        var practice = await app.CreateAsync(author, PracticeBuilder.Input($"Pratique {Guid.NewGuid():N}", Tlp.Green, "fr", "radicalisation"));
        using var client = await app.BearerClientAsync(user);
        foreach (var label in new[] { "Radicalisering", "Radicalisation", "radicalisme" })
        {
            var found = await SearchAsync(client, $"q={Uri.EscapeDataString(label)}&org={organization.Key}");
            Assert.Equal(practice, found.GetProperty("items")[0].GetProperty("id").GetGuid());
        }
    }

    [Fact]
    public async Task The_index_follows_every_save_at_once()
    {
        var before = Unique("avant");
        var after = Unique("apres");
        var (organization, user, author) = await SetUpAsync();
        var meeting = MeetingBuilder.Valid("Réunion de suivi", Tlp.Green);
        meeting.Agenda = [new AgendaItemInput { Title = $"Point {before}", Notes = "" }];
        var created = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, meeting));
        using var client = await app.BearerClientAsync(user);
        Assert.Equal(1, (await SearchAsync(client, $"q={before}&org={organization.Key}")).GetProperty("total").GetInt32());

        meeting.Agenda = [new AgendaItemInput { Title = $"Point {after}", Notes = "" }];
        var saved = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(author, created.Id!.Value, meeting, created.Version!.Value));
        Assert.True(saved.Result.Succeeded, string.Join(", ", saved.Result.Errors));
        Assert.Equal(0, (await SearchAsync(client, $"q={before}&org={organization.Key}")).GetProperty("total").GetInt32());
        Assert.Equal(1, (await SearchAsync(client, $"q={after}&org={organization.Key}")).GetProperty("total").GetInt32());

        // The version the editor holds is still the current one: the index never makes a save look concurrent.
        var again = await app.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().UpdateAsync(author, created.Id!.Value, meeting, saved.Version!.Value));
        Assert.True(again.Result.Succeeded, string.Join(", ", again.Result.Errors));
    }

    [Fact]
    public async Task A_long_query_naming_many_concepts_is_answered()
    {
        var (_, user, _) = await SetUpAsync();
        using var client = await app.BearerClientAsync(user);
        var response = await client.GetAsync("/api/v1/search?q=" + Uri.EscapeDataString(
            "violences intrafamiliales harcèlement de rue radicalisation drogues assuétudes nuisances sentiment d'insécurité gestion de crise " +
            "jeunes école police quartier victimes auteurs médiation prévention évaluation \"plan d'urgence\" -alcool OR tabac"));
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Bad_parameters_are_named()
    {
        var (_, user, _) = await SetUpAsync();
        using var client = await app.BearerClientAsync(user);
        var response = await client.GetAsync("/api/v1/search?q=x&type=file&pageSize=1000&lang=de");
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, response.StatusCode);
        using var problems = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problems.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("type", out _));
        Assert.True(errors.TryGetProperty("pageSize", out _));
        Assert.True(errors.TryGetProperty("lang", out _));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, (await app.Factory.CreateClient().GetAsync("/api/v1/search?q=x")).StatusCode);
    }

    private static string Unique(string word) => word + Guid.NewGuid().ToString("N")[..8].Replace('0', 'o').Replace('1', 'l');

    private async Task<(Organization Organization, ApplicationUser User, Web.Features.Accounts.Viewer Author)> SetUpAsync()
    {
        var organization = await app.CreateOrganizationAsync();
        var (user, _) = await app.CreateUserAsync(organization, ExchangeRole.Reader);
        var (_, author) = await app.CreateUserAsync(organization, ExchangeRole.Contributor);
        return (organization, user, author);
    }

    private static async Task<JsonElement> SearchAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/v1/search?{query}");
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static Dictionary<string, int> Facet(JsonElement result, string name) =>
        result.GetProperty("facets").GetProperty(name).EnumerateArray()
            .ToDictionary(v => v.GetProperty("value").GetString()!, v => v.GetProperty("count").GetInt32());
}
