using FluentValidation;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Validation;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>What a meeting needs before the service looks at the database (themes, organizations and people are checked there).</summary>
public sealed class MeetingInputValidator : InputValidator<MeetingInput>
{
    public static MeetingInputValidator Instance { get; } = new();

    public MeetingInputValidator()
    {
        RuleFor(m => m.Title).RequiredText(FieldLengths.Line);
        RuleFor(m => m.StartsAt).NotEqual(default(DateTimeOffset)).WithMessage("Validation.Required");
        RuleFor(m => m.EndsAt).Must((meeting, end) => end is null || end >= meeting.StartsAt).WithMessage("Validation.EndBeforeStart");
        RuleFor(m => m.Location).LimitedText(FieldLengths.Line);
        RuleFor(m => m.Language).Must(SupportedLanguages.IsSupported).WithMessage("Validation.Language");
        RuleFor(m => m.Themes).NotEmpty().WithMessage("Validation.ThemeRequired");
        RuleFor(m => m.Minutes).LongText(FieldLengths.Text, "Validation.TooLong200000");
        RuleForEach(m => m.Agenda).ChildRules(item =>
        {
            item.RuleFor(i => i.Title).RequiredText(FieldLengths.Line);
            item.RuleFor(i => i.Notes).LongText(FieldLengths.Text, "Validation.TooLong200000");
        });
        RuleForEach(m => m.Decisions).RequiredText(FieldLengths.Decision);
        RuleForEach(m => m.ActionItems).ChildRules(item => item.RuleFor(i => i.Title).RequiredText(FieldLengths.Line));
        RuleForEach(m => m.AttendeeNames).RequiredText(FieldLengths.Name);
    }
}
