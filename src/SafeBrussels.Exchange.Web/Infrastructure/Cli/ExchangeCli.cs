using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Features.Demo;
using SafeBrussels.Exchange.Web.Features.Members;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>Finds the verb among the registered commands and runs it; every failure is a message and a non-zero exit.</summary>
public static class ExchangeCli
{
    private static readonly string[] FirstWords = ["migrate", "seed-demo", "users", "help", "--help"];

    public static bool IsCommand(string[] args) => args.Length > 0 && FirstWords.Contains(args[0]);

    public static IServiceCollection AddCommandLine(this IServiceCollection services)
    {
        services.AddScoped<ICliCommand, MigrateCommand>();
        services.AddScoped<ICliCommand, SeedDemoCommand>();
        services.AddScoped<ICliCommand, UsersAddCommand>();
        return services;
    }

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, TextWriter error, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var commands = scope.ServiceProvider.GetServices<ICliCommand>().ToList();
        var command = commands
            .Where(c => args.Length >= c.Verb.Count && c.Verb.SequenceEqual(args.Take(c.Verb.Count)))
            .OrderByDescending(c => c.Verb.Count)
            .FirstOrDefault();
        if (command is null)
        {
            var isHelp = args.Length > 0 && args[0] is "help" or "--help";
            (isHelp ? output : error).WriteLine((isHelp ? "" : $"Unknown command '{string.Join(' ', args)}'.\n") + "Commands:");
            foreach (var known in commands)
            {
                (isHelp ? output : error).WriteLine($"  {known.Usage}");
            }

            return isHelp ? 0 : 2;
        }

        try
        {
            return await command.RunAsync(args.Skip(command.Verb.Count).ToList(), output, cancellationToken);
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
}
