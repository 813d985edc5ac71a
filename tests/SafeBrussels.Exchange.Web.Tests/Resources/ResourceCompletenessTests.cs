using System.Collections;
using System.Globalization;
using System.Resources;
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

    [Fact]
    public void Every_key_used_in_the_source_exists()
    {
        var english = Entries(CultureInfo.InvariantCulture);
        var source = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/SafeBrussels.Exchange.Web"));
        Assert.True(Directory.Exists(source), source);
        var pattern = new System.Text.RegularExpressions.Regex("(?:\\bL|localizer)\\[\\s*\"([^\"$]+)\"");
        var used = Directory.EnumerateFiles(source, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".razor", StringComparison.Ordinal) || f.EndsWith(".cs", StringComparison.Ordinal)) && !f.Contains("/obj/", StringComparison.Ordinal))
            .SelectMany(f => pattern.Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .ToHashSet();
        Assert.NotEmpty(used);
        Assert.Empty(used.Where(k => !english.ContainsKey(k)).Order());
    }

    private static Dictionary<string, string> Entries(CultureInfo culture)
    {
        var set = Manager.GetResourceSet(culture, createIfNotExists: true, tryParents: false)
            ?? throw new InvalidOperationException($"No resources for '{culture.Name}'.");
        return set.Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => e.Value as string ?? "");
    }

    private static HashSet<string> Placeholders(string text) =>
        System.Text.RegularExpressions.Regex.Matches(text, "\\{\\d+\\}").Select(m => m.Value).ToHashSet();
}
