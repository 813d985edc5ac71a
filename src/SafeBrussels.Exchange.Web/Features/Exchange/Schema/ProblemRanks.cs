namespace SafeBrussels.Exchange.Web.Features.Exchange.Schema;

/// <summary>The order of the problems found at one place: what the value is before what it holds.</summary>
internal static class ProblemRanks
{
    private static readonly string[] Order =
    [
        ExchangeProblemCodes.Unicode, ExchangeProblemCodes.DuplicateProperty, ExchangeProblemCodes.PropertyName,
        ExchangeProblemCodes.AdditionalProperty, ExchangeProblemCodes.Type, ExchangeProblemCodes.Const, ExchangeProblemCodes.Enum,
        ExchangeProblemCodes.Empty, ExchangeProblemCodes.MinLength, ExchangeProblemCodes.MaxLength, ExchangeProblemCodes.Pattern,
        ExchangeProblemCodes.Date, ExchangeProblemCodes.DateTime, ExchangeProblemCodes.Email, ExchangeProblemCodes.Required,
        ExchangeProblemCodes.UniqueItems,
    ];

    public static int Of(string code) => Array.IndexOf(Order, code) is var rank and >= 0 ? rank : Order.Length;
}
