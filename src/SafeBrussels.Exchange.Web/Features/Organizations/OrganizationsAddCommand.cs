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

    public string Usage => "organizations add --key K --name N --city C --country CC --languages fr,nl,en";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "key", "name", "city", "country", "languages" });
        var input = new OrganizationInput
        {
            Key = parsed.Require("key"),
            Name = parsed.Require("name"),
            City = parsed.Require("city"),
            Country = parsed.Require("country"),
            WorkingLanguages = [.. parsed.Require("languages").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)],
        };

        var result = await organizations.CreateAsync(null, input, cancellationToken);
        if (!result.Succeeded)
        {
            throw new CliException(string.Join("; ", result.Errors.Select(e => $"{Options.GetValueOrDefault(e.Key, e.Key)}: {Messages.GetValueOrDefault(e.Value, e.Value)}")));
        }

        await output.WriteLineAsync($"Organization {input.Key} created ({input.Name}, {input.City}, {input.Country}).");
        return 0;
    }
}
