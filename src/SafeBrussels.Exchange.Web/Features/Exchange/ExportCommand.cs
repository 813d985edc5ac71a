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
    public string Usage => "export FILE [--org KEY] [--as EMAIL]   write practices and meetings in the exchange format (- for standard output)";

    public async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var parsed = CliArguments.Parse(args, new HashSet<string>(), new HashSet<string> { "org", "as" }, positionals: 1);
        var path = parsed.Positionals.FirstOrDefault() ?? throw new CliException("The file to write is required.");
        var organization = parsed.Get("org");
        if (organization is not null && !await db.Organizations.AnyAsync(o => o.Key == organization, cancellationToken))
        {
            throw new CliException($"No organization has the key '{organization}'.");
        }

        Viewer? viewer = null;
        if (parsed.Get("as") is { } email)
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
