using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Invitations;

namespace SafeBrussels.Exchange.IntegrationTests.ScaleOut;

/// <summary>
/// Two real application processes on loopback against one PostgreSQL, what a load balancer with sticky sessions
/// serves: a browser moved from one to the other keeps its session, its forms, its links; a recurring job runs once.
/// </summary>
public sealed class TwoProcessesTests : IAsyncLifetime
{
    private const string Password = "correct horse battery staple";
    private static readonly HtmlParser Parser = new();

    private TestDatabase _database = default!;
    private TestSmtpServer _smtp = default!;
    private ExchangeAppFactory _setup = default!;
    private AppProcess _first = default!;
    private AppProcess _second = default!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync("procs");
        _smtp = new TestSmtpServer();
        // An in-process instance makes the test data and the first key of the ring; it runs no job server.
        _setup = new ExchangeAppFactory(_database, _smtp);
        _ = _setup.Server;
        var settings = new Dictionary<string, string>
        {
            ["Jobs__RunServer"] = "true",
            ["Digests__Schedule"] = "* * * * *",
        };
        var starting = new[] { AppProcess.StartAsync(_database, _smtp, settings), AppProcess.StartAsync(_database, _smtp, settings) };
        var started = await Task.WhenAll(starting);
        (_first, _second) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await _first.DisposeAsync();
        await _second.DisposeAsync();
        await _setup.DisposeAsync();
        await _smtp.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task A_session_a_form_an_invitation_and_an_unsubscribe_link_from_one_process_work_on_the_other()
    {
        var (organization, member) = await MemberAsync();

        // Signed in on the first process; the second accepts the cookie. Without it, the second sends to sign-in.
        var browser = new CookieJar();
        using var onFirst = _first.CreateClient(browser);
        using var onSecond = _second.CreateClient(browser);
        onFirst.DefaultRequestHeaders.Add("X-Forwarded-For", "203.0.113.7");
        var signIn = await PostFormAsync(onFirst, onFirst, "/Account/Login", "login", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.DoesNotContain("Login", signIn.Headers.Location!.ToString());
        using (var profile = await onSecond.GetAsync("/profile"))
        {
            Assert.Equal(HttpStatusCode.OK, profile.StatusCode);
            Assert.Contains(member.Email!, await profile.Content.ReadAsStringAsync());
        }

        using (var anonymous = _second.CreateClient(new CookieJar()))
        {
            Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync("/profile")).StatusCode);
        }

        // A form (antiforgery cookie and token) served by the second process, posted to the first.
        var other = new CookieJar();
        using var otherOnFirst = _first.CreateClient(other);
        using var otherOnSecond = _second.CreateClient(other);
        var crossed = await PostFormAsync(otherOnSecond, otherOnFirst, "/Account/Login", "login", new() { ["Input.Email"] = member.Email!, ["Input.Password"] = Password });
        Assert.Equal(HttpStatusCode.Redirect, crossed.StatusCode);
        Assert.DoesNotContain("Login", crossed.Headers.Location!.ToString());

        // An invitation link made by another instance: opened on the first, accepted on the second, then used on the first.
        var email = $"invited-{Guid.NewGuid():N}@example.org";
        var invitation = await WithServiceAsync(s => s.GetRequiredService<InvitationService>()
            .InviteAsync(null, new InvitationRequest(email, organization.Id, ExchangeRole.Reader), sendMail: false));
        var link = new Uri(invitation.Link!).PathAndQuery;
        var newcomer = new CookieJar();
        using var newcomerOnFirst = _first.CreateClient(newcomer);
        using var newcomerOnSecond = _second.CreateClient(newcomer);
        var accepted = await PostFormAsync(newcomerOnFirst, newcomerOnSecond, link, "accept-invitation", new()
        {
            ["Input.DisplayName"] = "Nouvelle collègue",
            ["Input.Password"] = "a long and new password",
            ["Input.ConfirmPassword"] = "a long and new password",
        });
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.Contains("/Account/Login", accepted.Headers.Location!.ToString());
        var newcomerSignIn = await PostFormAsync(newcomerOnFirst, newcomerOnFirst, "/Account/Login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = "a long and new password" });
        Assert.DoesNotContain("Login", newcomerSignIn.Headers.Location!.ToString());

        // An unsubscribe token made by another instance (Data Protection): valid on the second, one click on the first.
        var token = _setup.Services.GetRequiredService<UnsubscribeTokens>().Create(member.Id);
        var path = $"/digests/unsubscribe?token={Uri.EscapeDataString(token)}";
        using (var page = await onSecond.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        }

        using var oneClick = await onFirst.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        await using var db = _database.CreateContext();
        Assert.Equal(DigestFrequency.Off, db.Users.Single(u => u.Id == member.Id).DigestFrequency);

        // Behind the (trusted, loopback) load balancer, the audit trail has the client's address, not the balancer's.
        Assert.Contains(db.AuditEntries.Where(e => e.ActorId == member.Id && e.Action == "sign-in.succeeded").Select(e => e.ClientAddress), a => a == "203.0.113.7");
    }

    [Fact]
    public async Task A_recurring_job_runs_once_per_occurrence_although_both_processes_run_a_job_server()
    {
        await using var connection = new NpgsqlConnection(_database.ConnectionString);
        await connection.OpenAsync();

        // Both processes are job servers of the same storage.
        var servers = await ListAsync(connection, "SELECT id FROM hangfire.server");
        Assert.Contains(servers, s => s.EndsWith(":" + _first.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || s.Contains(":" + _first.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal));
        Assert.Contains(servers, s => s.EndsWith(":" + _second.ProcessId.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            || s.Contains(":" + _second.ProcessId.ToString(CultureInfo.InvariantCulture) + ":", StringComparison.Ordinal));

        // The digest job is scheduled every minute. Wait for its first occurrence, then long enough for both servers'
        // schedulers (they poll every 15 seconds) to have seen that minute.
        const string occurrences = """
            SELECT to_char(date_trunc('minute', createdat), 'HH24:MI') || ' ' || count(*)
            FROM hangfire.job WHERE invocationdata::text LIKE '%EnqueueDueAsync%'
            GROUP BY date_trunc('minute', createdat) ORDER BY date_trunc('minute', createdat)
            """;
        var deadline = DateTime.UtcNow.AddSeconds(150);
        List<string> counted;
        while ((counted = await ListAsync(connection, occurrences)).Count == 0 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(1000);
        }

        Assert.True(counted.Count > 0, "the recurring job never ran: " + _first.Output);
        await Task.Delay(TimeSpan.FromSeconds(35));
        counted = await ListAsync(connection, occurrences);
        Assert.All(counted, minute => Assert.EndsWith(" 1", minute));
    }

    private async Task<(Organization Organization, ApplicationUser Member)> MemberAsync()
    {
        var organization = await TestMembers.CreateOrganizationAsync(_database, "nl");
        var (member, _) = await TestMembers.CreateAsync(_setup.Services, organization.Id, ExchangeRole.Contributor, Password);
        return (organization, member);
    }

    private async Task<T> WithServiceAsync<T>(Func<IServiceProvider, Task<T>> action)
    {
        await using var scope = _setup.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider);
    }

    /// <summary>Loads the form from <paramref name="from"/> and posts it, filled, to <paramref name="to"/>.</summary>
    private async Task<HttpResponseMessage> PostFormAsync(HttpClient from, HttpClient to, string url, string formName, Dictionary<string, string> fields)
    {
        using var page = await from.GetAsync(url);
        Assert.True(page.StatusCode == HttpStatusCode.OK, $"{url}: {page.StatusCode}{Environment.NewLine}{_first.Output}{Environment.NewLine}{_second.Output}");
        var document = await Parser.ParseDocumentAsync(await page.Content.ReadAsStringAsync());
        var (action, values) = WebSession.Fill(document, url, formName, fields);
        return await to.PostAsync(action, new FormUrlEncodedContent(values));
    }

    private static async Task<List<string>> ListAsync(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }
}
