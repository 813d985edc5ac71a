using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Organizations;
using SafeBrussels.Exchange.Web.Infrastructure;

namespace SafeBrussels.Exchange.Web.Features.Themes;

/// <summary>A theme as a platform administrator edits it: labels and descriptions in the three languages.</summary>
public sealed class ThemeInput
{
    public string Key { get; set; } = "";

    public string? ParentKey { get; set; }

    public string LabelFr { get; set; } = "";

    public string LabelNl { get; set; } = "";

    public string LabelEn { get; set; } = "";

    public string DescriptionFr { get; set; } = "";

    public string DescriptionNl { get; set; } = "";

    public string DescriptionEn { get; set; } = "";

    public bool IsRetired { get; set; }

    public CommandResult Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!OrganizationInput.IsValidKey(Key ?? ""))
        {
            errors[nameof(Key)] = "Validation.OrganizationKey";
        }

        foreach (var (field, value) in new[] { (nameof(LabelFr), LabelFr), (nameof(LabelNl), LabelNl), (nameof(LabelEn), LabelEn) })
        {
            if (TextRules.Required(value, FieldLengths.Name) is { } error)
            {
                errors[field] = error;
            }
        }

        foreach (var (field, value) in new[] { (nameof(DescriptionFr), DescriptionFr), (nameof(DescriptionNl), DescriptionNl), (nameof(DescriptionEn), DescriptionEn) })
        {
            if ((value ?? "").Length > FieldLengths.ThemeDescription)
            {
                errors[field] = "Validation.TooLong";
            }
        }

        return new CommandResult(errors);
    }
}
