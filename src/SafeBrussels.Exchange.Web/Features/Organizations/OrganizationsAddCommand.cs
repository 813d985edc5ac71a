using System.CommandLine;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Organizations;

/// <summary>
/// <c>organizations add</c>: on a fresh installation the first organization must exist before
/// <c>users add</c> can make its first platform administrator.
/// </summary>
internal sealed class OrganizationsAddCommand(OrganizationService organizations) : ICliCommand
{
    private static readonly Dictionary<string, string> Messages = new()
    {
        ["Validation.OrganizationKey"] = "the key must be lower-case letters, digits and single hyphens (at most 64 characters)",
        ["Validation.OrganizationKeyTaken"] = "another organization already uses this key",
        ["Validation.Required"] = "required",
        ["Validation.TooLong200"] = "at most 200 characters",
        ["Validation.TooLong100"] = "at most 100 characters",
        ["Validation.Country"] = "use a two-letter country code such as BE",
        ["Validation.WorkingLanguages"] = "give one or more of fr, nl, en separated by commas",
    };

    private static readonly Dictionary<string, string> Options = new()
    {
        ["Key"] = "--key",
        ["Name"] = "--name",
        ["City"] = "--city",
        ["Country"] = "--country",
        ["WorkingLanguages"] = "--languages",
    };

    private static readonly Option<string> Key = Required("--key", "K", "the organization's key: lower-case letters, digits and hyphens");

    private static readonly Option<string> Name = Required("--name", "N", "its name");

    private static readonly Option<string> City = Required("--city", "C", "its city");

    private static readonly Option<string> Country = Required("--country", "CC", "its two-letter country code, e.g. BE");

    private static readonly Option<string> Languages = Required("--languages", "fr,nl,en", "its working languages, separated by commas");

    public static Command Definition { get; } =
        new("add", "Create an organization (administration).") { Key, Name, City, Country, Languages };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var input = new OrganizationInput
        {
            Key = parsed.GetRequiredValue(Key),
            Name = parsed.GetRequiredValue(Name),
            City = parsed.GetRequiredValue(City),
            Country = parsed.GetRequiredValue(Country),
            WorkingLanguages = [.. parsed.GetRequiredValue(Languages).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };

        var result = await organizations.CreateAsync(null, input, cancellationToken);
        if (!result.Succeeded)
        {
            throw new CliException(string.Join("; ", result.Errors.Select(e => $"{Options.GetValueOrDefault(e.Key, e.Key)}: {Messages.GetValueOrDefault(e.Value, e.Value)}")));
        }

        await output.WriteLineAsync($"Organization {input.Key} created ({input.Name}, {input.City}, {input.Country}).");
        return 0;
    }

    private static Option<string> Required(string name, string value, string description) =>
        new(name) { Description = description, HelpName = value, Required = true };
}
