using System.Net.Mail;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>Everything a contributor edits on a practice; limits are those of the exchange format.</summary>
public sealed class PracticeInput
{
    public string Language { get; set; } = SupportedLanguages.Default;

    public string Title { get; set; } = "";

    public string Summary { get; set; } = "";

    public string Problem { get; set; } = "";

    public string Approach { get; set; } = "";

    public string Results { get; set; } = "";

    public List<string> TargetGroups { get; set; } = [];

    public List<string> Themes { get; set; } = [];

    public Tlp Tlp { get; set; } = Tlp.Green;

    public PracticeStatus Status { get; set; } = PracticeStatus.Running;

    public EvidenceLevel Evidence { get; set; } = EvidenceLevel.Untested;

    public DateOnly? StartedOn { get; set; }

    public string ContactName { get; set; } = "";

    public string ContactEmail { get; set; } = "";

    /// <summary>Title and summary in the other languages, keyed by language; blank entries are dropped.</summary>
    public Dictionary<string, TranslationInput> Translations { get; set; } = [];

    /// <summary>Set on an adaptation: what the local context is.</summary>
    public string AdaptationContext { get; set; } = "";

    /// <summary>Set on an adaptation: what was changed from the original.</summary>
    public string AdaptationChanges { get; set; } = "";

    /// <summary>The translations worth keeping: other languages, with a title.</summary>
    public List<PracticeTranslation> ToTranslations() =>
        Translations
            .Where(t => SupportedLanguages.IsSupported(t.Key) && t.Key != Language && !string.IsNullOrWhiteSpace(t.Value.Title))
            .OrderBy(t => t.Key, StringComparer.Ordinal)
            .Select(t => new PracticeTranslation(t.Key, t.Value.Title.Trim(), (t.Value.Summary ?? "").Trim()))
            .ToList();

    /// <summary>A contact address, as the editor and the exchange format's <c>email</c> accept it: a domain of two or more labels.</summary>
    public static bool IsEmail(string value) =>
        value.Length <= FieldLengths.Email && !value.Any(char.IsWhiteSpace) && MailAddress.TryCreate(value, out var address)
        && address.Address == value && address.Host.Split('.') is { Length: >= 2 } labels && labels.All(label => label.Length > 0);
}
