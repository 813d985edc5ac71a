using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// A query-string parameter that, when given, is a day (yyyy-MM-dd) or an instant (ISO 8601) within the calendar the
/// API accepts, read as <see cref="ApiParameters.ParseDay"/> reads it, with its message.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class DayOrInstantAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var problems = new Dictionary<string, string[]>();
        ApiParameters.ParseDay(value as string, validationContext.MemberName ?? "", endOfDay: false, problems);
        return problems.Count == 0
            ? ValidationResult.Success
            : new ValidationResult(problems.Values.Single().Single(), validationContext.MemberName is { } member ? [member] : null);
    }
}
