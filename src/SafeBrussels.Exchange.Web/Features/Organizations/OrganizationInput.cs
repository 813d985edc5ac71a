using System.Text.RegularExpressions;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;

namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>What a platform administrator types to create or edit an organization.</summary>
public sealed partial class OrganizationInput
{
    public string Key { get; set; } = "";

    public string Name { get; set; } = "";

    public string City { get; set; } = "";

    public string Country { get; set; } = "BE";

    public List<string> WorkingLanguages { get; set; } = [];

    public CommandResult Validate()
    {
        var errors = new Dictionary<string, string>();
        if (!IsValidKey(Key ?? ""))
        {
            errors[nameof(Key)] = "Validation.OrganizationKey";
        }

        if (TextRules.Required(Name, FieldLengths.Line) is { } name)
        {
            errors[nameof(Name)] = name;
        }

        if (TextRules.Required(City, FieldLengths.Name) is { } city)
        {
            errors[nameof(City)] = city;
        }

        if (!CountryPattern().IsMatch(Country ?? ""))
        {
            errors[nameof(Country)] = "Validation.Country";
        }

        if (WorkingLanguages.Count == 0 || WorkingLanguages.Any(l => !SupportedLanguages.IsSupported(l)))
        {
            errors[nameof(WorkingLanguages)] = "Validation.WorkingLanguages";
        }

        return new CommandResult(errors);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$")]
    private static partial Regex KeyPattern();

    [GeneratedRegex("^[A-Z]{2}$")]
    private static partial Regex CountryPattern();

    internal static bool IsValidKey(string key) => key.Length <= 64 && KeyPattern().IsMatch(key);
}
