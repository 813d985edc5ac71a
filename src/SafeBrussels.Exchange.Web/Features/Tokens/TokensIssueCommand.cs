using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Tokens;

/// <summary><c>tokens issue --email E [--days N]</c>: a personal access token for automation, alone on the last line.</summary>
internal sealed class TokensIssueCommand(ExchangeDbContext db, TokenService tokens) : ICliCommand
{
    private static readonly Option<string> Email = new("--email") { Description = "the member's email address", HelpName = "E", Required = true };

    private static readonly Option<int> Days = new("--days")
    {
        Description = $"how many days the token is valid, 1 to {TokenService.MaxDays}",
        HelpName = "N",
        DefaultValueFactory = _ => 30,
    };

    public static Command Definition { get; } =
        new("issue", "Print a personal access token for the API, alone on the last line.") { Email, Days };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var email = parsed.RequireText(Email).Trim().ToUpperInvariant();
        var days = parsed.GetValue(Days);
        if (days < 1 || days > TokenService.MaxDays)
        {
            throw new CliException($"--days must be a whole number from 1 to {TokenService.MaxDays}.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken)
            ?? throw new CliException($"No user has the email '{parsed.GetValue(Email)}'.");
        if (!user.IsActive)
        {
            throw new CliException($"The user '{user.Email}' is deactivated.");
        }

        var issued = await tokens.IssueAsync(user.Id, $"command line {DateTime.UtcNow:yyyy-MM-dd}", days, cancellationToken);
        await output.WriteLineAsync($"Token for {user.Email}, valid {days} days (use it as 'Authorization: Bearer <token>'):");
        await output.WriteLineAsync(issued.Token);
        return 0;
    }
}
