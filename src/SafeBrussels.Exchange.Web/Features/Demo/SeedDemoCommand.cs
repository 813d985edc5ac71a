using System.CommandLine;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Demo;

internal sealed class SeedDemoCommand(DemoSeeder seeder, IHostEnvironment environment) : ICliCommand
{
    private static readonly Option<bool> Force = new("--force") { Description = "run outside Development too" };

    public static Command Definition { get; } =
        new("seed-demo", "Create the demo organizations, users and content (Development only unless --force) and print the logins.") { Force };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        if (!environment.IsDevelopment() && !parsed.GetValue(Force))
        {
            throw new CliException($"seed-demo creates accounts with a published password; it runs only in Development (this is '{environment.EnvironmentName}'). Add --force to run it anyway.");
        }

        var logins = await seeder.SeedAsync(cancellationToken);
        await output.WriteLineAsync("Demo data is in place. Demo logins (password for all: " + DemoSeeder.Password + "):");
        foreach (var login in logins)
        {
            await output.WriteLineAsync($"  {login.Role,-15} {login.OrganizationKey,-15} {login.Email}");
        }

        return 0;
    }
}
