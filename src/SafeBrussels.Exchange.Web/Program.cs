using SafeBrussels.Exchange.Web.Hosting;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

// Operator verbs (migrate, seed-demo, users add...) run on the same composition root, without a web server.
var commandLine = ExchangeCli.IsCommand(args);
var builder = WebApplication.CreateBuilder(commandLine ? [] : args);
builder.AddExchange(commandLine);
var app = builder.Build();

if (commandLine)
{
    return await ExchangeCli.RunAsync(app.Services, args, Console.Out, Console.Error);
}

app.UseExchange();
await app.RunAsync();
return 0;

/// <summary>Entry point; public so that the test hosts can start the application.</summary>
public partial class Program;
