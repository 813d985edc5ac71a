namespace SafeBrussels.Exchange.Web.Features.Exchange;

public static class ExchangeProblemCodes
{
    public const string Json = "json";
    public const string Type = "type";
    public const string Required = "required";
    public const string AdditionalProperty = "additionalProperty";
    public const string DuplicateProperty = "duplicateProperty";
    public const string PropertyName = "propertyName";
    public const string Const = "const";
    public const string Enum = "enum";
    public const string Pattern = "pattern";
    public const string Empty = "empty";
    public const string MinLength = "minLength";
    public const string MaxLength = "maxLength";
    public const string UniqueItems = "uniqueItems";
    public const string Date = "date";
    public const string DateTime = "dateTime";
    public const string Email = "email";
    public const string Unicode = "unicode";

    public const string DuplicateKey = "duplicateKey";
    public const string DuplicateExternalId = "duplicateExternalId";
    public const string UnknownOrganization = "unknownOrganization";
    public const string UnknownTheme = "unknownTheme";
    public const string UnknownPractice = "unknownPractice";
    public const string NotYourOrganization = "notYourOrganization";
    public const string NotEditable = "notEditable";
    public const string NotAllowed = "notAllowed";
    public const string AdaptsItself = "adaptsItself";
    public const string AdaptationCycle = "adaptationCycle";
    public const string TranslationLanguage = "translationLanguage";
    public const string EndsBeforeStart = "endsBeforeStart";
}
