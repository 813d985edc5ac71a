using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Features.Exchange;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Audit;

/// <summary>
/// Production runs the application as a role of its own (migrate --app-role): it reads and writes the data, but the
/// audit trail is append-only for it, enforced by PostgreSQL's privileges, and it cannot switch the guard off.
/// </summary>
public sealed class ApplicationRoleTests : IAsyncLifetime
{
    private readonly string _role = "exchange_app_" + Guid.NewGuid().ToString("N")[..8];
    private TestDatabase _database = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("role");
        await ExecuteAsync(_database.ConnectionString, $"CREATE ROLE {_role} LOGIN");
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await ExecuteAsync(TestDatabase.ServerConnectionString, $"DROP OWNED BY {_role}; DROP ROLE IF EXISTS {_role}", ignoreErrors: true);
    }

    [Fact]
    public async Task The_application_role_adds_to_the_audit_trail_but_cannot_change_delete_or_unguard_it()
    {
        await using var smtp = new TestSmtpServer();
        await using (var owner = new ExchangeAppFactory(_database, smtp))
        {
            using var output = new StringWriter();
            using var error = new StringWriter();
            Assert.Equal(0, await ExchangeCli.RunAsync(owner.Services, ["migrate", "--app-role", _role], output, error));
            Assert.Contains(_role, output.ToString());
        }

        var asApp = new NpgsqlConnectionStringBuilder(_database.ConnectionString) { Username = _role }.ConnectionString;
        await ExecuteAsync(asApp, "INSERT INTO audit_entries (occurred_at, action) VALUES (now() - interval '400 days', 'sign-in.failed')");
        foreach (var forbidden in new[]
        {
            "UPDATE audit_entries SET action = 'edited'",
            "DELETE FROM audit_entries",
            "TRUNCATE audit_entries",
            "ALTER TABLE audit_entries DISABLE TRIGGER ALL",
            "DROP TRIGGER audit_entries_append_only ON audit_entries",
            "SELECT set_config('exchange.audit_purge_before', '2999-01-01', false); DELETE FROM audit_entries",
            "CREATE TABLE public.practices_copy (id uuid)",
        })
        {
            var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(asApp, forbidden));
            Assert.True(refused.SqlState is PostgresErrorCodes.InsufficientPrivilege, $"{forbidden}: {refused.SqlState} {refused.MessageText}");
        }

        // The retention purge still works for it, through the owner's function, and only past 30 days.
        Assert.Equal(1L, await ScalarAsync(asApp, "SELECT audit_purge(interval '365 days')"));
        Assert.Equal(PostgresErrorCodes.InvalidParameterValue,
            (await Assert.ThrowsAsync<PostgresException>(() => ScalarAsync(asApp, "SELECT audit_purge(interval '1 day')"))).SqlState);

        // And the application works as this role: sign-in, a meeting saved, both in the trail.
        await using var app = new ExchangeAppFactory(_database, smtp, settings: new Dictionary<string, string?>
        {
            ["ConnectionStrings:Exchange"] = asApp,
            ["Jobs:PrepareSchema"] = "false",
        });
        var (email, author) = await MemberAsync(app);
        using var session = new WebSession(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://localhost") }));
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(email, AppFixture.Password)).StatusCode);
        await using var scope = app.Services.CreateAsyncScope();
        var saved = await scope.ServiceProvider.GetRequiredService<MeetingSaver>().CreateAsync(author, MeetingBuilder.Valid("Réunion", Tlp.Red));
        Assert.True(saved.Result.Succeeded);
        await using var db = _database.CreateContext();
        Assert.True(await db.AuditEntries.AnyAsync(e => e.ActorId == author.UserId && e.Action == AuditActions.SignInSucceeded));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.TargetId == saved.Id.ToString() && e.Action == AuditActions.ContentCreated));

        // An import stages its file in exchange_staging, the one schema where the role may create tables.
        await using (var file = File.OpenRead(TestData.SearchDevCorpus))
        {
            var report = await scope.ServiceProvider.GetRequiredService<ExchangeImporter>().ImportAsync(file, dryRun: false);
            Assert.True(report.Succeeded, string.Join("\n", report.Problems));
            Assert.Equal((40, 12), (report.Created.Practices, report.Created.Meetings));
        }

        Assert.Equal(40, await db.Practices.CountAsync());
    }

    private async Task<(string Email, Viewer Author)> MemberAsync(ExchangeAppFactory app)
    {
        var organization = await TestMembers.CreateOrganizationAsync(_database, "nl");
        var (user, author) = await TestMembers.CreateAsync(app.Services, organization.Id, ExchangeRole.Contributor, AppFixture.Password);
        return (user.Email!, author);
    }

    private static async Task ExecuteAsync(string connectionString, string sql, bool ignoreErrors = false)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        try
        {
            await command.ExecuteNonQueryAsync();
        }
        catch (PostgresException) when (ignoreErrors)
        {
        }
    }

    private static async Task<object?> ScalarAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
