using System.Globalization;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>English message templates; fr/nl translations live under the resource key <c>Exchange.Problem.&lt;Code&gt;</c>.</summary>
public static class ExchangeProblemMessages
{
    public const string ResourceKeyPrefix = "Exchange.Problem.";

    public static IReadOnlyDictionary<string, string> Templates { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [ExchangeProblemCodes.Json] = "invalid JSON at line {0}, byte {1}",
        [ExchangeProblemCodes.Type] = "must be of type {0}, not {1}",
        [ExchangeProblemCodes.Required] = "missing required property '{0}'",
        [ExchangeProblemCodes.AdditionalProperty] = "unknown property '{0}'",
        [ExchangeProblemCodes.DuplicateProperty] = "property '{0}' appears more than once",
        [ExchangeProblemCodes.PropertyName] = "'{0}' is not an allowed property name (allowed: {1})",
        [ExchangeProblemCodes.Const] = "must be exactly '{0}'",
        [ExchangeProblemCodes.Enum] = "'{0}' is not one of {1}",
        [ExchangeProblemCodes.Pattern] = "'{0}' does not match the pattern {1}",
        [ExchangeProblemCodes.Empty] = "must not be empty",
        [ExchangeProblemCodes.MinLength] = "shorter than {0} characters ({1})",
        [ExchangeProblemCodes.MaxLength] = "longer than {0} characters ({1})",
        [ExchangeProblemCodes.UniqueItems] = "'{0}' is listed more than once",
        [ExchangeProblemCodes.Date] = "'{0}' is not a valid date (YYYY-MM-DD)",
        [ExchangeProblemCodes.DateTime] = "'{0}' is not a valid date and time (RFC 3339 with offset, e.g. 2024-11-20T10:00:00+01:00)",
        [ExchangeProblemCodes.Email] = "'{0}' is not a valid email address",
        [ExchangeProblemCodes.Unicode] = "contains an invalid Unicode escape (unpaired surrogate)",
        [ExchangeProblemCodes.DuplicateKey] = "key '{0}' is already used at {1}",
        [ExchangeProblemCodes.DuplicateExternalId] = "externalId '{0}' is already used at {1}",
        [ExchangeProblemCodes.UnknownOrganization] = "no organization has the key '{0}', in this file or on the platform",
        [ExchangeProblemCodes.UnknownTheme] = "unknown theme '{0}'",
        [ExchangeProblemCodes.UnknownPractice] = "no practice has the externalId '{0}', in this file or on the platform",
        [ExchangeProblemCodes.NotYourOrganization] = "'{0}' is not your organization: through the platform you may import only records of your own organization ('{1}')",
        [ExchangeProblemCodes.NotEditable] = "the externalId '{0}' is already used by a record you may not change: through the platform an import changes only the records you may edit",
        [ExchangeProblemCodes.NotAllowed] = "your account may no longer import through the platform (its role is now '{0}'): nothing was imported",
        [ExchangeProblemCodes.AdaptsItself] = "a practice cannot be adapted from itself ('{0}')",
        [ExchangeProblemCodes.AdaptationCycle] = "adaptations form a cycle: {0}",
        [ExchangeProblemCodes.TranslationLanguage] = "'{0}' is the practice's own language; a translation must be into another language",
        [ExchangeProblemCodes.EndsBeforeStart] = "ends ({0}) before it starts ({1})",
    }.AsReadOnly();

    public static string ResourceKey(string code) => ResourceKeyPrefix + code;

    public static string English(string code, IReadOnlyList<string> args) =>
        Templates.TryGetValue(code, out var template)
            ? string.Format(CultureInfo.InvariantCulture, template, args.Cast<object?>().ToArray())
            : $"{code} ({string.Join(", ", args)})";
}
