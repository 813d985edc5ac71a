using FluentValidation;

namespace SafeBrussels.Exchange.Web.Infrastructure.Validation;

/// <summary>The text rules of <see cref="TextRules"/> as FluentValidation rules: one message saying what is actually wrong.</summary>
public static class TextRuleExtensions
{
    /// <summary>Required, and at most <paramref name="maxLength"/> characters once trimmed.</summary>
    public static IRuleBuilderOptionsConditions<T, string> RequiredText<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.Custom((value, context) =>
        {
            if (TextRules.Required(value, maxLength) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

    /// <summary>Optional, and at most <paramref name="maxLength"/> characters once trimmed; the message names the limit.</summary>
    public static IRuleBuilderOptionsConditions<T, string> LimitedText<T>(this IRuleBuilder<T, string> rule, int maxLength) =>
        rule.Custom((value, context) =>
        {
            if (TextRules.Limit(value, maxLength) is { } problem)
            {
                context.AddFailure(problem);
            }
        });

    /// <summary>Optional long text (minutes, notes, a practice's problem) of at most <paramref name="maxLength"/> characters as typed.</summary>
    public static IRuleBuilderOptions<T, string> LongText<T>(this IRuleBuilder<T, string> rule, int maxLength, string message) =>
        rule.Must(value => (value ?? "").Length <= maxLength).WithMessage(message);
}
