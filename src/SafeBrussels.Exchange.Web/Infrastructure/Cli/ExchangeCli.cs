using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Features.Demo;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Organizations;
using SafeBrussels.Exchange.Web.Features.Search;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>
/// The command line, parsed by System.CommandLine: <c>--help</c> on every verb, a precise message and exit code 2 for a
/// command line it cannot read, exit code 1 for what a verb refuses, 3 when the database cannot be used.
/// </summary>
public static class ExchangeCli
{
    // The one list of verbs: Program asks it before the host is built, the container resolves from it.
    private static readonly CliVerb[] Verbs =
    [
        CliVerb.Of<MigrateCommand>(),
        CliVerb.Of<SeedDemoCommand>(),
        CliVerb.Of<OrganizationsAddCommand>("organizations"),
        CliVerb.Of<UsersAddCommand>("users"),
        CliVerb.Of<TokensIssueCommand>("tokens"),
        CliVerb.Of<ImportCommand>(),
        CliVerb.Of<ExportCommand>(),
        CliVerb.Of<GlossaryExportCommand>("glossary"),
        CliVerb.Of<SearchReindexCommand>("search"),
        CliVerb.Of<DigestsSendDueCommand>("digests"),
    ];

    private static readonly Dictionary<string, string> Groups = new(StringComparer.Ordinal)
    {
        ["organizations"] = "Organizations (administrations).",
        ["users"] = "Members of the platform.",
        ["tokens"] = "Personal access tokens for the API.",
        ["glossary"] = "The search glossary.",
        ["search"] = "The search index.",
        ["digests"] = "The weekly and daily email digests.",
    };

    private static readonly RootCommand Root = BuildRoot();

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (args[0] is "help" or "--help" or "-h" or "-?" || Root.Subcommands.Any(verb => verb.Name == args[0]));

    public static IServiceCollection AddCommandLine(this IServiceCollection services)
    {
        foreach (var verb in Verbs)
        {
            services.AddScoped(verb.Command);
        }

        return services;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        // No response files: an argument that starts with @ (a password, a name) is a value, not a file to read.
        var parsed = Root.Parse(args is ["help", .. var verb] ? [.. verb, "--help"] : args, new ParserConfiguration { ResponseFileTokenReplacer = null });
        var match = Verbs.FirstOrDefault(verb => verb.Definition == parsed.CommandResult.Command);
        if (parsed.Errors.Count > 0 || parsed.Action is not null || match is null)
        {
            // Help, or a command line that cannot be read: System.CommandLine says which and how to write it.
            var code = await parsed.InvokeAsync(new InvocationConfiguration { Output = output, Error = error }, cancellationToken);
            return parsed.Errors.Count > 0 ? 2 : code;
        }

        await using var scope = services.CreateAsyncScope();
        var command = (ICliCommand)scope.ServiceProvider.GetRequiredService(match.Command);
        try
        {
            return await command.RunAsync(parsed, output, cancellationToken);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync($"See '{Name(match)} --help'.");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException } or DbUpdateException)
        {
            await error.WriteLineAsync($"error: the database could not be used ({ex.GetBaseException().Message}). Check ConnectionStrings__Exchange and run 'migrate' first.");
            return 3;
        }
    }

    private static RootCommand BuildRoot()
    {
        var root = new RootCommand("SafeBrussels Exchange: the application host's verbs. Without a verb, the host serves the web application.");
        foreach (var verb in Verbs)
        {
            if (verb.Group is null)
            {
                root.Add(verb.Definition);
                continue;
            }

            var group = root.Subcommands.FirstOrDefault(command => command.Name == verb.Group);
            if (group is null)
            {
                group = new Command(verb.Group, Groups[verb.Group]);
                root.Add(group);
            }

            group.Add(verb.Definition);
        }

        return root;
    }

    private static string Name(CliVerb verb) => verb.Group is null ? verb.Definition.Name : $"{verb.Group} {verb.Definition.Name}";
}
