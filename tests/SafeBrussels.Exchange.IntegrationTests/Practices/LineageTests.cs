using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Practices;

namespace SafeBrussels.Exchange.IntegrationTests.Practices;

/// <summary>
/// Adaptation chains across three organizations with mixed TLP: each viewer sees exactly the part of the lineage
/// reachable through practices they may see, and nothing hints at the rest.
/// </summary>
[Collection(ContentAppCollection.Name)]
public sealed class LineageTests(AppFixture app)
{
    [Fact]
    public async Task Each_viewer_sees_exactly_the_visible_part_of_a_depth_three_lineage()
    {
        var a = await app.CreateOrganizationAsync("fr");
        var b = await app.CreateOrganizationAsync("nl");
        var c = await app.CreateOrganizationAsync("en");
        var (_, authorA) = await app.CreateUserAsync(a, ExchangeRole.Contributor);
        var (_, authorB) = await app.CreateUserAsync(b, ExchangeRole.Contributor);
        var (_, authorC) = await app.CreateUserAsync(c, ExchangeRole.Contributor);
        var (_, otherC) = await app.CreateUserAsync(c, ExchangeRole.Contributor);
        var (_, readerA) = await app.CreateUserAsync(a, ExchangeRole.Reader);
        var (_, readerB) = await app.CreateUserAsync(b, ExchangeRole.Reader);
        var (_, readerC) = await app.CreateUserAsync(c, ExchangeRole.Reader);

        // P1 (A, GREEN) ← P2 (B, AMBER after the fact) ← P3 (C, GREEN) ← P4 (A, GREEN); and P1 ← P5 (C, RED, by authorC).
        var p1 = await app.CreateAsync(authorA, PracticeBuilder.Input("P1 origine"));
        var p2 = await app.CreateAsync(authorB, PracticeBuilder.Input("P2 Gentse aanpassing", language: "nl"), p1);
        var p3 = await app.CreateAsync(authorC, PracticeBuilder.Input("P3 third city", language: "en"), p2);
        var p4 = await app.CreateAsync(authorA, PracticeBuilder.Input("P4 retour"), p3);
        var p5 = await app.CreateAsync(authorC, PracticeBuilder.Input("P5 restricted", Tlp.Red, "en"), p1);
        await app.SetTlpAsync(authorB, p2, Tlp.Amber);

        var everything = new Dictionary<Guid, string> { [p1] = "P1", [p2] = "P2", [p3] = "P3", [p4] = "P4", [p5] = "P5" };

        // Organization B sees the whole chain P1 → P2 → P3 → P4, not the RED branch.
        await AssertLineageAsync(readerB, everything, visible: ["P1", "P2", "P3", "P4"], trees: new()
        {
            ["P1"] = "P1(P2(P3(P4)))",
            ["P2"] = "P1(P2(P3(P4)))",
            ["P3"] = "P1(P2(P3(P4)))",
            ["P4"] = "P1(P2(P3(P4)))",
        });

        // Organization A cannot see P2: the chain breaks there, P3 starts a tree of its own.
        await AssertLineageAsync(readerA, everything, visible: ["P1", "P3", "P4"], trees: new()
        {
            ["P1"] = "P1",
            ["P3"] = "P3(P4)",
            ["P4"] = "P3(P4)",
        });

        // The author of the RED branch sees it under P1; P2 stays hidden from organization C.
        await AssertLineageAsync(authorC, everything, visible: ["P1", "P3", "P4", "P5"], trees: new()
        {
            ["P1"] = "P1(P5)",
            ["P5"] = "P1(P5)",
            ["P3"] = "P3(P4)",
        });

        // A colleague of that author is not named on the RED record.
        await AssertLineageAsync(otherC, everything, visible: ["P1", "P3", "P4"], trees: new() { ["P1"] = "P1" });
        await AssertLineageAsync(readerC, everything, visible: ["P1", "P3", "P4"], trees: new() { ["P1"] = "P1", ["P4"] = "P3(P4)" });
    }

    [Fact]
    public async Task The_catalogue_and_the_original_name_an_adaptation_only_to_those_who_may_see_it()
    {
        var a = await app.CreateOrganizationAsync("fr");
        var b = await app.CreateOrganizationAsync("nl");
        var (_, authorA) = await app.CreateUserAsync(a, ExchangeRole.Contributor);
        var (_, authorB) = await app.CreateUserAsync(b, ExchangeRole.Contributor);
        var (_, readerA) = await app.CreateUserAsync(a, ExchangeRole.Reader);
        var original = await app.CreateAsync(authorA, PracticeBuilder.Input("Original " + Guid.NewGuid()));
        var adaptation = await app.CreateAsync(authorB, PracticeBuilder.Input("Aanpassing " + Guid.NewGuid(), Tlp.Amber, "nl"), original);

        var seenByA = (await app.GetAsync(readerA, original))!;
        Assert.Empty(seenByA.Lineage.Adaptations);
        Assert.False(seenByA.Lineage.HasLineage);
        Assert.Null(await app.GetAsync(readerA, adaptation));

        var seenByB = (await app.GetAsync(authorB, adaptation))!;
        Assert.Equal(original, seenByB.Lineage.AdaptedFrom!.Id);
        Assert.Equal("Adapté pour " + seenByB.Title, seenByB.AdaptationChanges);
        var originalSeenByB = (await app.GetAsync(authorB, original))!;
        Assert.Equal([adaptation], originalSeenByB.Lineage.Adaptations.Select(n => n.Id));
    }

    [Fact]
    public async Task Only_a_practice_the_contributor_may_see_can_be_adapted()
    {
        var a = await app.CreateOrganizationAsync("fr");
        var b = await app.CreateOrganizationAsync("nl");
        var (_, authorA) = await app.CreateUserAsync(a, ExchangeRole.Contributor);
        var (_, authorB) = await app.CreateUserAsync(b, ExchangeRole.Contributor);
        var (_, readerB) = await app.CreateUserAsync(b, ExchangeRole.Reader);
        var hidden = await app.CreateAsync(authorA, PracticeBuilder.Input("Interne " + Guid.NewGuid(), Tlp.AmberStrict));
        var open = await app.CreateAsync(authorA, PracticeBuilder.Input("Ouverte " + Guid.NewGuid()));
        var service = await app.WithServiceAsync(s => Task.FromResult(Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions.GetRequiredService<PracticeSaver>(s)));

        var input = PracticeBuilder.Input("Copie");
        input.AdaptationContext = "Gent";
        input.AdaptationChanges = "Alles";
        Assert.Equal("Error.NotFound", (await service.CreateAsync(authorB, input, hidden)).Result.ErrorFor(""));
        Assert.Equal("Error.Forbidden", (await service.CreateAsync(readerB, input, open)).Result.ErrorFor(""));

        var missing = PracticeBuilder.Input("Zonder context");
        var outcome = await service.CreateAsync(authorB, missing, open);
        Assert.Equal("Validation.Required", outcome.Result.ErrorFor(nameof(PracticeInput.AdaptationContext)));
        Assert.Equal("Validation.Required", outcome.Result.ErrorFor(nameof(PracticeInput.AdaptationChanges)));
    }

    private async Task AssertLineageAsync(Viewer viewer, Dictionary<Guid, string> all, string[] visible, Dictionary<string, string> trees)
    {
        foreach (var (id, name) in all)
        {
            var detail = await app.GetAsync(viewer, id);
            Assert.True(visible.Contains(name) == (detail is not null), $"{name} visible to {viewer.DisplayName}: {detail is not null}");
            if (detail is not null && trees.TryGetValue(name, out var expected))
            {
                Assert.Equal(expected, Describe(detail.Lineage.Root, all));
                var shown = PracticeLineage.Flatten(detail.Lineage.Root).Select(n => all[n.Id]);
                Assert.All(shown, n => Assert.Contains(n, visible));
            }
        }
    }

    private static string Describe(LineageNode node, Dictionary<Guid, string> names) =>
        node.Adaptations.Count == 0 ? names[node.Id] : $"{names[node.Id]}({string.Join(",", node.Adaptations.Select(n => Describe(n, names)))})";
}
