using FluentValidation;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Validation;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>
/// What a practice needs before the service looks at the database (themes and the original practice are checked
/// there); an adaptation also says what its local context is and what it changed.
/// </summary>
public sealed class PracticeInputValidator : InputValidator<PracticeInput>
{
    public static PracticeInputValidator ForPractice { get; } = new(isAdaptation: false);

    public static PracticeInputValidator ForAdaptation { get; } = new(isAdaptation: true);

    private PracticeInputValidator(bool isAdaptation)
    {
        RuleFor(p => p.Title).RequiredText(FieldLengths.Line);
        RuleFor(p => p.Summary).RequiredText(FieldLengths.Summary);
        RuleFor(p => p.Problem).LongText(FieldLengths.Text, "Validation.TooLong200000");
        RuleFor(p => p.Approach).LongText(FieldLengths.Text, "Validation.TooLong200000");
        RuleFor(p => p.Results).LongText(FieldLengths.Text, "Validation.TooLong200000");
        RuleFor(p => p.Language).Must(SupportedLanguages.IsSupported).WithMessage("Validation.Language");
        RuleFor(p => p.Themes).NotEmpty().WithMessage("Validation.ThemeRequired");
        RuleForEach(p => p.TargetGroups).RequiredText(FieldLengths.Line);
        RuleFor(p => p.ContactName).Must(name => (name ?? "").Trim().Length <= FieldLengths.Name).WithMessage("Validation.TooLong");
        RuleFor(p => p.ContactEmail)
            .Must(email => string.IsNullOrWhiteSpace(email) || PracticeInput.IsEmail(email.Trim()))
            .WithMessage("Validation.Email");
        RuleFor(p => p.Translations).Custom((translations, context) =>
        {
            foreach (var (language, translation) in translations)
            {
                if (!SupportedLanguages.IsSupported(language) || language == context.InstanceToValidate.Language)
                {
                    continue;
                }

                if ((translation.Title ?? "").Trim().Length > FieldLengths.Line)
                {
                    context.AddFailure($"Translations.{language}.Title", "Validation.TooLong");
                }

                if ((translation.Summary ?? "").Trim().Length > FieldLengths.Summary)
                {
                    context.AddFailure($"Translations.{language}.Summary", "Validation.TooLong");
                }
            }
        });

        if (isAdaptation)
        {
            RuleFor(p => p.AdaptationContext).NotEmpty().WithMessage("Validation.Required")
                .LongText(FieldLengths.Text, "Validation.TooLong200000");
            RuleFor(p => p.AdaptationChanges).NotEmpty().WithMessage("Validation.Required")
                .LongText(FieldLengths.Text, "Validation.TooLong200000");
        }
    }
}
