using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.Json;
using System.Text.RegularExpressions;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Invitations;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Practices;
using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Tests.Resources;

public sealed class ResourceCompletenessTests
{
    private static readonly ResourceManager Manager = new(typeof(SharedResource).FullName!, typeof(SharedResource).Assembly);

    public static TheoryData<string> Languages => new() { "fr", "nl" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_key_exists_in_english_french_and_dutch_with_a_non_empty_text(string language)
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));

        Assert.NotEmpty(english);
        Assert.Empty(english.Keys.Except(translated.Keys).Order());
        Assert.Empty(translated.Keys.Except(english.Keys).Order());
        Assert.Empty(translated.Where(e => string.IsNullOrWhiteSpace(e.Value)).Select(e => e.Key));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Translations_keep_the_same_placeholders(string language)
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var translated = Entries(CultureInfo.GetCultureInfo(language));
        var mismatched = english
            .Where(e => translated.ContainsKey(e.Key) && !Placeholders(e.Value).SetEquals(Placeholders(translated[e.Key])))
            .Select(e => e.Key);
        Assert.Empty(mismatched);
    }

    /// <summary>
    /// Every key the code names: a string literal in a key namespace (the first part of any key: "Validation.",
    /// "Error.", "Invitation." …), whether it is passed to the localizer or carried in a <c>CommandResult</c> to a
    /// page, the API or the command line.
    /// </summary>
    [Fact]
    public void Every_key_named_in_the_source_exists()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var namespaces = english.Keys.Select(k => k.Split('.')[0]).ToHashSet(StringComparer.Ordinal);
        var literal = new Regex("\"([A-Z][A-Za-z0-9]*(?:\\.[A-Za-z0-9]+)+)\"");
        var named = SourceFiles()
            .SelectMany(f => literal.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Where(k => namespaces.Contains(k.Split('.')[0]))
            .ToHashSet();
        Assert.True(named.Count > 300, $"only {named.Count} keys found: the source was not read");
        Assert.Empty(named.Except(NotKeys).Where(k => !english.ContainsKey(k) && !IsPlural(english, k)).Order());
    }

    /// <summary>A text that counts, named through <c>Plurals</c>: one key per plural category, in every language.</summary>
    [Fact]
    public void Every_key_counted_through_plurals_has_a_text_for_one_and_for_other()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var counted = new Regex(@"\bPlural\(\s*""([^""]+)""");
        var named = SourceFiles().SelectMany(f => counted.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value)).ToHashSet();
        Assert.Contains("Search.Count", named);
        Assert.Empty(named.Where(k => !IsPlural(english, k)).Order());
        // And no plural key without its other half.
        Assert.Empty(english.Keys.Where(k => k.EndsWith(".One", StringComparison.Ordinal) && !english.ContainsKey(k[..^4] + ".Other")).Order());
    }

    /// <summary>No "résultat(s)", "resultaat/resultaten" or "version(s)": a count says its noun in the right number.</summary>
    [Theory]
    [InlineData("en")]
    [InlineData("fr")]
    [InlineData("nl")]
    public void No_text_hedges_between_singular_and_plural(string language)
    {
        var texts = Entries(language == "en" ? CultureInfo.InvariantCulture : CultureInfo.GetCultureInfo(language));
        var hedge = new Regex(@"\w\((?:s|en|es|x|n)\)|\b(\w{4,})\w*/\1\w*\b");
        Assert.Empty(texts.Where(e => hedge.IsMatch(e.Value)).Select(e => $"{e.Key}: {e.Value}").Order());
    }

    private static bool IsPlural(Dictionary<string, string> english, string key) =>
        english.ContainsKey($"{key}.{Plurals.One}") && english.ContainsKey($"{key}.{Plurals.Other}");

    /// <summary>
    /// Every key the code composes from a value (<c>L[$"Tlp.{tlp}.Meaning"]</c>), for every value it can take. A new
    /// composed key must be added to <see cref="Composed"/> with the values that fill it, or this test fails.
    /// </summary>
    [Fact]
    public void Every_key_composed_in_the_source_exists_for_every_value()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var composing = new Regex("(?:\\bL|localizer|CommandResult\\.Fail\\([^,]*,)\\s*\\[?\\s*\\$\"([^\"]+)\"");
        var templates = SourceFiles()
            .SelectMany(f => composing.Matches(File.ReadAllText(f)).Select(m => Regex.Replace(m.Groups[1].Value, "\\{[^}]+\\}", "{}")))
            .ToHashSet();
        Assert.Contains("Tlp.{}.Meaning", templates);
        Assert.Empty(templates.Where(t => !Composed.ContainsKey(t)).Order());

        var missing = Composed
            .SelectMany(c => c.Value.Select(value => c.Key.Replace("{}", value, StringComparison.Ordinal)))
            .Where(key => !english.ContainsKey(key))
            .Order();
        Assert.Empty(missing);
    }

    // Literals in a key namespace that are not keys: a cookie name, the two account mails' key prefixes (composed
    // below), and a type name in a message.
    private static readonly string[] NotKeys = ["Identity.StatusMessage", "Mail.Confirm", "Mail.Reset", "Members.MemberService"];

    private static readonly string[] MailKinds = ["Mail.Confirm", "Mail.Reset"];

    private static readonly Dictionary<string, IEnumerable<string>> Composed = new()
    {
        ["PracticeStatus.{}"] = Enum.GetNames<PracticeStatus>(),
        ["Evidence.{}"] = Enum.GetNames<EvidenceLevel>(),
        ["Evidence.{}.Meaning"] = Enum.GetNames<EvidenceLevel>(),
        ["DigestPrefs.Frequency.{}"] = Enum.GetNames<DigestFrequency>(),
        ["Audit.Action.{}"] = AuditActions.All,
        ["Audit.Target.{}"] = typeof(AuditTargets).GetFields().Select(f => (string)f.GetValue(null)!),
        ["Role.{}"] = Enum.GetValues<ExchangeRole>().Select(r => r.ToName()),
        ["Tlp.{}.Meaning"] = Enum.GetNames<Tlp>(),
        ["Tlp.{}.PracticeMeaning"] = Enum.GetNames<Tlp>(),
        ["Mode.{}"] = Enum.GetNames<MeetingMode>(),
        ["Quality.{}"] = Enum.GetNames<QualityCriterion>(),
        ["Quality.{}.Hint"] = Enum.GetNames<QualityCriterion>(),
        // Shown, and returned by the acceptance, only for an invitation that cannot be used.
        ["Invitation.{}"] = Enum.GetNames<InvitationState>().Where(s => s != nameof(InvitationState.Valid)),
        ["Search.Type.{}"] = SearchTypes.All,
        // The fields of a meeting's revision snapshot: MeetingInput as JSON.
        ["Meetings.Field.{}"] = JsonSerializerOptions.Web.GetTypeInfo(typeof(MeetingInput)).Properties.Select(p => p.Name),
        // MudBlazor's own texts the application translates.
        ["Mud.{}"] = ExchangeMudLocalizer.Keys,
        ["{}.Subject"] = MailKinds,
        ["{}.Heading"] = MailKinds,
        ["{}.Body"] = MailKinds,
        ["{}.Ignore"] = MailKinds,
        ["{}.Action"] = MailKinds,
    };

    private static IEnumerable<string> SourceFiles()
    {
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SafeBrussels.Exchange.Web"));
        Assert.True(Directory.Exists(source), source);
        return Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal))
                && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)
                && !f.Contains("/Migrations/", StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    private static HashSet<string> Placeholders(string text) =>
        Regex.Matches(text, "\\{\\d+\\}").Select(m => m.Value).ToHashSet();
}
