using System.Text.RegularExpressions;

namespace SafeBrussels.Exchange.Web.Infrastructure;

/// <summary>
/// The checks of a required text field, each with the message of what is actually wrong: a blank field is missing
/// ("Validation.Required"), a long one is too long with its limit ("Validation.TooLong300"), never both at once.
/// </summary>
public static partial class TextRules
{
    /// <summary>The resource key of what is wrong with a required field, or null when it is fine.</summary>
    public static string? Required(string? value, int maxLength) =>
        string.IsNullOrWhiteSpace(value) ? "Validation.Required" : Limit(value, maxLength);

    /// <summary>The resource key saying that an optional field is too long, or null when it fits.</summary>
    public static string? Limit(string? value, int maxLength) =>
        (value ?? "").Trim().Length > maxLength ? TooLong(maxLength) : null;

    /// <summary>"Too long: at most N characters", for each limit the fields have.</summary>
    public static string TooLong(int maxLength) => maxLength switch
    {
        100 => "Validation.TooLong100",
        200 => "Validation.TooLong200",
        300 => "Validation.TooLong300",
        2000 => "Validation.TooLong2000",
        5000 => "Validation.TooLong5000",
        20_000 => "Validation.TooLong20000",
        200_000 => "Validation.TooLong200000",
        _ => "Validation.TooLong",
    };

    /// <summary>A key (of an organization, a theme): lower-case words of letters and digits joined by single hyphens, at most 64 characters.</summary>
    public static bool IsKey(string? key) => key is { Length: <= 64 } && KeyPattern().IsMatch(key);

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();
}
