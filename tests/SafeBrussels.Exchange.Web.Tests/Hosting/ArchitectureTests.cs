using System.Reflection;
using Microsoft.AspNetCore.Components;
using NetArchTest.Rules;
using SafeBrussels.Exchange.Web.Hosting;

namespace SafeBrussels.Exchange.Web.Tests.Hosting;

/// <summary>
/// Which feature may use which (docs/architecture.md, "Features and what they may use"). Read from the compiled code,
/// method bodies included, so that a new dependency fails here until it is written down below with its reason.
/// </summary>
public sealed class ArchitectureTests
{
    private const string Root = "SafeBrussels.Exchange.Web.";
    private const string FeatureRoot = Root + "Features.";

    private static readonly Assembly Application = typeof(ExchangeServices).Assembly;

    /// <summary>What every feature may use: the member (Accounts), the audit trail, who may see what, the themes.</summary>
    private static readonly string[] Shared = ["Accounts", "Audit", "Sharing", "Themes"];

    /// <summary>Each feature's further dependencies, with the reason. A feature absent here uses only the shared ones.</summary>
    private static readonly Dictionary<string, (string[] Uses, string Why)> Allowed = new(StringComparer.Ordinal)
    {
        ["Audit"] = (["Organizations"], "the audit page filters by organization"),
        ["Comments"] = (["Digests"], "a mention's mail is in the member's mail language, by the digest's rule (DigestComposer.LanguageOf)"),
        ["Dashboard"] = (["Digests", "Meetings", "Organizations"], "the home page shows what one follows, the next meetings, the organizations"),
        ["Demo"] = (["Exchange", "Meetings"], "the demo data is an exchange-format document, with meetings dated from today"),
        ["Digests"] = (["Practices"], "a digest shows a practice in the reader's language, by the practice's own rule"),
        ["Exchange"] = (["Meetings", "Practices"], "it imports and exports meetings and practices"),
        ["Feeds"] = (["Meetings"], "a feed lists the followed meetings"),
        ["Invitations"] = (["Members"], "an accepted invitation makes a member"),
        ["Meetings"] = (["Attachments", "Comments", "Digests", "Organizations", "Practices"], "a meeting has files, a discussion, followers, host and participants, practices presented"),
        ["Members"] = (["Invitations", "Organizations"], "members are invited into an organization"),
        ["Organizations"] = (["Digests", "Members"], "an organization's page: follow it, its members"),
        ["Practices"] = (["Attachments", "Comments", "Digests", "Organizations"], "a practice has files, questions, followers, an owner organization"),
        ["Profile"] = (["Feeds", "Localization", "Tokens"], "the profile page holds feed links, the language, the API tokens"),
        ["Search"] = (["Organizations"], "results are filtered and faceted by organization"),
        ["Themes"] = (["Organizations"], "an organization's usual themes"),
    };

    /// <summary>The kernel stays small: who may see what rests on the member alone.</summary>
    private static readonly Dictionary<string, string[]> Kernel = new(StringComparer.Ordinal)
    {
        ["Sharing"] = ["Accounts"],
        ["Accounts"] = ["Audit"],
    };

    public static TheoryData<string> Features() => [.. FeatureNames()];

    [Theory]
    [MemberData(nameof(Features))]
    public void A_feature_uses_only_the_shared_features_and_those_written_down_for_it(string feature)
    {
        var allowed = Kernel.TryGetValue(feature, out var kernel)
            ? kernel
            : [.. Shared, .. Allowed.TryGetValue(feature, out var more) ? more.Uses : []];
        var forbidden = FeatureNames().Where(other => other != feature && !allowed.Contains(other)).ToList();

        var found = forbidden
            .Select(other => (Other: other, Result: Types.InAssembly(Application).That().ResideInNamespace(FeatureRoot + feature)
                .ShouldNot().HaveDependencyOn(FeatureRoot + other).GetResult()))
            .Where(check => !check.Result.IsSuccessful)
            .Select(check => $"{feature} uses {check.Other}: {string.Join(", ", check.Result.FailingTypeNames)}")
            .ToList();
        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void The_allowed_dependencies_name_only_features_that_exist_and_not_the_shared_ones()
    {
        var features = FeatureNames();
        foreach (var (feature, (uses, why)) in Allowed)
        {
            Assert.Contains(feature, features);
            Assert.All(uses, used => Assert.Contains(used, features));
            Assert.Empty(uses.Intersect(Shared));
            Assert.False(string.IsNullOrWhiteSpace(why));
        }
    }

    [Fact]
    public void Nothing_uses_a_page_but_the_router()
    {
        var pages = Application.GetTypes().Where(t => t.GetCustomAttributes<RouteAttribute>(inherit: false).Any()).Select(t => t.FullName!).ToList();
        Assert.NotEmpty(pages);

        // One pass over every type's code finds the candidates; a page (and the types the compiler makes inside it)
        // naturally uses itself, so each of those is checked again against the other pages only.
        var candidates = Types.InAssembly(Application).ShouldNot().HaveDependencyOnAny([.. pages]).GetResult().FailingTypes ?? [];
        var found = new List<string>();
        foreach (var type in candidates.Where(t => t.FullName != Root + "Components.Routes"))
        {
            var own = pages.FirstOrDefault(page => type.FullName == page || type.FullName!.StartsWith(page + "+", StringComparison.Ordinal));
            if (own is null)
            {
                found.Add($"{type.FullName} uses a page");
                continue;
            }

            var others = pages.Where(page => page != own).ToArray();
            var check = Types.InAssembly(Application).That().HaveName(type.Name).And().ResideInNamespace(type.Namespace ?? "")
                .ShouldNot().HaveDependencyOnAny(others).GetResult();
            if (!check.IsSuccessful)
            {
                found.Add($"{type.FullName} uses a page");
            }
        }

        Assert.True(found.Count == 0, string.Join(Environment.NewLine, found));
    }

    [Fact]
    public void Infrastructure_uses_no_feature_but_the_member_and_the_verb_table()
    {
        // The command line's verb table (Infrastructure/Cli/ExchangeCli) names each feature's verbs; the rest of the
        // infrastructure knows only the member (Viewer, in Accounts).
        var result = Types.InAssembly(Application).That().ResideInNamespace(Root + "Infrastructure").And().DoNotHaveName("ExchangeCli")
            .ShouldNot().HaveDependencyOnAny([.. FeatureNames().Where(f => f != "Accounts").Select(f => FeatureRoot + f)]).GetResult();
        Assert.True(result.IsSuccessful, string.Join(", ", result.FailingTypeNames ?? []));
    }

    private static List<string> FeatureNames() =>
        [.. Application.GetTypes().Select(t => t.Namespace ?? "").Where(n => n.StartsWith(FeatureRoot, StringComparison.Ordinal))
            .Select(n => n[FeatureRoot.Length..].Split('.')[0]).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
}
