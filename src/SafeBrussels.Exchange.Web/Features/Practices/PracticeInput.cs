using System.Net.Mail;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
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

    /// <summary>Checks what needs no database; themes and the original practice are checked by the service.</summary>
    public CommandResult Validate(bool isAdaptation)
    {
        var errors = new Dictionary<string, string>();
        RequireLine(errors, nameof(Title), Title, FieldLengths.Line);
        if (TextRules.Required(Summary, FieldLengths.Summary) is { } summary)
        {
            errors[nameof(Summary)] = summary;
        }

        foreach (var (field, text) in new[] { (nameof(Problem), Problem), (nameof(Approach), Approach), (nameof(Results), Results) })
        {
            if ((text ?? "").Length > FieldLengths.Text)
            {
                errors[field] = "Validation.TooLong200000";
            }
        }

        if (!SupportedLanguages.IsSupported(Language))
        {
            errors[nameof(Language)] = "Validation.Language";
        }

        if (Themes.Count == 0)
        {
            errors[nameof(Themes)] = "Validation.ThemeRequired";
        }

        for (var i = 0; i < TargetGroups.Count; i++)
        {
            RequireLine(errors, $"TargetGroups[{i}]", TargetGroups[i], FieldLengths.Line);
        }

        if ((ContactName ?? "").Trim().Length > FieldLengths.Name)
        {
            errors[nameof(ContactName)] = "Validation.TooLong";
        }

        if (!string.IsNullOrWhiteSpace(ContactEmail) && !IsEmail(ContactEmail.Trim()))
        {
            errors[nameof(ContactEmail)] = "Validation.Email";
        }

        foreach (var (language, translation) in Translations)
        {
            if (!SupportedLanguages.IsSupported(language) || language == Language)
            {
                continue;
            }

            if ((translation.Title ?? "").Trim().Length > FieldLengths.Line)
            {
                errors[$"Translations.{language}.Title"] = "Validation.TooLong";
            }

            if ((translation.Summary ?? "").Trim().Length > FieldLengths.Summary)
            {
                errors[$"Translations.{language}.Summary"] = "Validation.TooLong";
            }
        }

        if (isAdaptation)
        {
            RequireText(errors, nameof(AdaptationContext), AdaptationContext);
            RequireText(errors, nameof(AdaptationChanges), AdaptationChanges);
        }

        return new CommandResult(errors);
    }

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

    private static void RequireLine(Dictionary<string, string> errors, string field, string? value, int length)
    {
        if (TextRules.Required(value, length) is { } error)
        {
            errors[field] = error;
        }
    }

    private static void RequireText(Dictionary<string, string> errors, string field, string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors[field] = "Validation.Required";
        }
        else if (value.Length > FieldLengths.Text)
        {
            errors[field] = "Validation.TooLong200000";
        }
    }
}
