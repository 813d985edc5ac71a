using FluentValidation;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Validation;

namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>What an organization needs, from the page and from <c>organizations add</c> alike.</summary>
public sealed class OrganizationInputValidator : InputValidator<OrganizationInput>
{
    public static OrganizationInputValidator Instance { get; } = new();

    public OrganizationInputValidator()
    {
        RuleFor(o => o.Key).Must(TextRules.IsKey).WithMessage("Validation.OrganizationKey");
        RuleFor(o => o.Name).RequiredText(FieldLengths.Line);
        RuleFor(o => o.City).RequiredText(FieldLengths.Name);
        RuleFor(o => o.Country).NotNull().WithMessage("Validation.Country").Matches("^[A-Z]{2}$").WithMessage("Validation.Country");
        RuleFor(o => o.WorkingLanguages)
            .Must(languages => languages.Count > 0 && languages.All(SupportedLanguages.IsSupported))
            .WithMessage("Validation.WorkingLanguages");
    }
}
