using FluentValidation;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Validation;

namespace SafeBrussels.Exchange.Web.Features.Themes;

/// <summary>What a theme needs before the service looks at the taxonomy: a key, a label in each language, short descriptions.</summary>
public sealed class ThemeInputValidator : InputValidator<ThemeInput>
{
    public static ThemeInputValidator Instance { get; } = new();

    public ThemeInputValidator()
    {
        RuleFor(t => t.Key).Must(TextRules.IsKey).WithMessage("Validation.OrganizationKey");
        RuleFor(t => t.LabelFr).RequiredText(FieldLengths.Name);
        RuleFor(t => t.LabelNl).RequiredText(FieldLengths.Name);
        RuleFor(t => t.LabelEn).RequiredText(FieldLengths.Name);
        RuleFor(t => t.DescriptionFr).LongText(FieldLengths.ThemeDescription, "Validation.TooLong");
        RuleFor(t => t.DescriptionNl).LongText(FieldLengths.ThemeDescription, "Validation.TooLong");
        RuleFor(t => t.DescriptionEn).LongText(FieldLengths.ThemeDescription, "Validation.TooLong");
    }
}
