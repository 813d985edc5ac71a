using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>
/// <c>export FILE [--org KEY] [--as EMAIL]</c>: the operator's export of everything, or of one organization's
/// records; with <c>--as</c>, only what that member may see.
/// </summary>
internal sealed class ExportCommand(ExchangeDbContext db, ExchangeExporter exporter) : ICliCommand
{
    private static readonly Argument<string> Target = new("FILE") { Description = "the file to write, or - for standard output" };

    private static readonly Option<string> Organization = new("--org") { Description = "only this organization's records", HelpName = "KEY" };

    private static readonly Option<string> As = new("--as") { Description = "only what this member may see", HelpName = "EMAIL" };

    public static Command Definition { get; } =
        new("export", "Write practices and meetings in the exchange format.") { Target, Organization, As };


    public async Task<int> RunAsync(ParseResult parsed, TextWriter output, CancellationToken cancellationToken)
    {
        var path = parsed.GetRequiredValue(Target);
        var organization = parsed.GetValue(Organization);
        if (organization is not null && !await db.Organizations.AnyAsync(o => o.Key == organization, cancellationToken))
        {
            throw new CliException($"No organization has the key '{organization}'.");
        }

        Viewer? viewer = null;
        if (parsed.GetValue(As) is { } email)
        {
            var normalized = email.Trim().ToUpperInvariant();
            var user = await db.Users.SingleOrDefaultAsync(u => u.NormalizedEmail == normalized, cancellationToken)
                ?? throw new CliException($"No user has the email '{email}'.");
            viewer = new Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName);
        }

        var document = await exporter.ExportAsync(viewer, organization, cancellationToken);
        if (path == "-")
        {
            await using var stdout = Console.OpenStandardOutput();
            await ExchangeExporter.WriteAsync(stdout, document, cancellationToken);
            return 0;
        }

        // Written beside, then moved: a failed export never leaves half a file under the name asked for.
        var temporary = path + ".partial";
        await using (var file = File.Create(temporary))
        {
            await ExchangeExporter.WriteAsync(file, document, cancellationToken);
        }

        File.Move(temporary, path, overwrite: true);
        await output.WriteLineAsync(
            $"Exported {document.Organizations?.Count ?? 0} organizations, {document.Practices?.Count ?? 0} practices and {document.Meetings?.Count ?? 0} meetings to {path}.");
        return 0;
    }
}
