using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>A query-string parameter that, when given, must be one of <see cref="Allowed"/> (letter case aside).</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class OneOfAttribute(params string[] allowed) : ValidationAttribute
{
    public IReadOnlyList<string> Allowed { get; } = allowed;

    public override bool IsValid(object? value) =>
        value is null or "" || (value is string text && Allowed.Contains(text, StringComparer.OrdinalIgnoreCase));

    public override string FormatErrorMessage(string name) => ErrorMessage ?? $"must be one of {string.Join(", ", Allowed)}.";
}
