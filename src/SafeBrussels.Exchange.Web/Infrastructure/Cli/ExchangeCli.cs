using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Features.Demo;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Members;
using SafeBrussels.Exchange.Web.Features.Organizations;
using SafeBrussels.Exchange.Web.Features.Tokens;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>Finds the verb among the registered commands and runs it; every failure is a message and a non-zero exit.</summary>
public static class ExchangeCli
{
    // The one list of verbs: Program asks it before the host is built, the container resolves from it.
    private static readonly (string[] Verb, Type Command)[] Commands =
    [
        (["migrate"], typeof(MigrateCommand)),
        (["seed-demo"], typeof(SeedDemoCommand)),
        (["organizations", "add"], typeof(OrganizationsAddCommand)),
        (["users", "add"], typeof(UsersAddCommand)),
        (["tokens", "issue"], typeof(TokensIssueCommand)),
        (["import"], typeof(ImportCommand)),
        (["export"], typeof(ExportCommand)),
        (["glossary", "export"], typeof(Features.Search.GlossaryExportCommand)),
        (["digests", "send-due"], typeof(Features.Digests.DigestsSendDueCommand)),
    ];

    public static bool IsCommand(string[] args) =>
        args.Length > 0 && (IsHelp(args) || Commands.Any(c => c.Verb[0] == args[0]));

    public static IServiceCollection AddCommandLine(this IServiceCollection services)
    {
        foreach (var (_, command) in Commands)
        {
            services.AddScoped(command);
        }

        return services;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var match = Commands.FirstOrDefault(c => args.Length >= c.Verb.Length && c.Verb.SequenceEqual(args.Take(c.Verb.Length)));
        if (match.Command is null)
        {
            var help = IsHelp(args);
            var writer = help ? output : error;
            await writer.WriteLineAsync((help ? "" : $"Unknown command '{string.Join(' ', args)}'.\n") + "Commands:");
            foreach (var (_, type) in Commands)
            {
                await writer.WriteLineAsync($"  {Resolve(scope, type).Usage}");
            }

            return help ? 0 : 2;
        }

        var command = Resolve(scope, match.Command);
        try
        {
            return await command.RunAsync(args.Skip(match.Verb.Length).ToList(), output, cancellationToken);
        }
        catch (CliException ex)
        {
            await error.WriteLineAsync($"error: {ex.Message}");
            await error.WriteLineAsync($"usage: {command.Usage}");
            return 1;
        }
        catch (Exception ex) when (ex is NpgsqlException or InvalidOperationException { InnerException: NpgsqlException } or DbUpdateException)
        {
            await error.WriteLineAsync($"error: the database could not be used ({ex.GetBaseException().Message}). Check ConnectionStrings__Exchange and run 'migrate' first.");
            return 3;
        }
    }

    private static bool IsHelp(string[] args) => args.Length > 0 && args[0] is "help" or "--help";

    private static ICliCommand Resolve(AsyncServiceScope scope, Type type) => (ICliCommand)scope.ServiceProvider.GetRequiredService(type);
}
