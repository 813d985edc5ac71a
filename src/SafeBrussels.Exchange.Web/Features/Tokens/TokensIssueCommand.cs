using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Tokens;

/// <summary><c>tokens issue --email E [--days N]</c>: a personal access token for automation, alone on the last line.</summary>
internal sealed class TokensIssueCommand(ExchangeDbContext db, TokenService tokens) : ICliCommand
{
    public string Usage => "tokens issue --email E [--days N]   print a personal access token (default 30 days) on the last line";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "email", "days" });
        var email = parsed.Require("email").Trim().ToUpperInvariant();
        var days = 30;
        if (parsed.Get("days") is { } text && (!int.TryParse(text, out days) || days < 1 || days > TokenService.MaxDays))
        {
            throw new CliException($"--days must be a whole number from 1 to {TokenService.MaxDays}.");
        }

        var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == email, cancellationToken)
            ?? throw new CliException($"No user has the email '{parsed.Get("email")}'.");
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
