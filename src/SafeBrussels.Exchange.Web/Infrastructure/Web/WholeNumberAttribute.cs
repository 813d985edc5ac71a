using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace SafeBrussels.Exchange.Web.Infrastructure.Web;

/// <summary>
/// A query-string parameter that must be a whole number from <see cref="RangeAttribute.Minimum"/> to
/// <see cref="RangeAttribute.Maximum"/>, read strictly (digits only): a [Range] over the text as written, so that an
/// overflowing or malformed number is named like any other bad value, not refused unnamed by the binder.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class WholeNumberAttribute(int minimum, int maximum) : RangeAttribute(minimum, maximum)
{
    public override bool IsValid(object? value) =>
        value is null or ""
        || (value is string text && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            && number >= (int)Minimum && number <= (int)Maximum);

    public override string FormatErrorMessage(string name) => Message((int)Minimum, (int)Maximum);

    /// <summary>What a refused value is told, here and where a page reads the same parameter (<see cref="ApiParameters.ParseInt"/>).</summary>
    public static string Message(int minimum, int maximum) =>
        string.Create(CultureInfo.InvariantCulture, $"must be a whole number from {minimum} to {maximum}.");
}
