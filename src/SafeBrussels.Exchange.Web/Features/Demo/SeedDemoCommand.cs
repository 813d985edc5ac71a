using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Demo;

internal sealed class SeedDemoCommand(DemoSeeder seeder, IHostEnvironment environment) : ICliCommand
{
    public string Usage => "seed-demo [--force]          create the demo organizations, users and content (Development only unless --force)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string> { "force" }, new HashSet<string>());
        if (!environment.IsDevelopment() && !parsed.Has("force"))
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
