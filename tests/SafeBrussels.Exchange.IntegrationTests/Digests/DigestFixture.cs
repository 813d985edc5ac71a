using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Infrastructure.Cli;

namespace SafeBrussels.Exchange.IntegrationTests.Digests;

/// <summary>
/// An application of its own for the digest tests (a digest run looks at every member of the database), with
/// helpers to schedule, run and read digests.
/// </summary>
public sealed class DigestFixture : IAsyncLifetime
{
    public static readonly Guid IntrafamilyViolence = new("0193a000-0000-7000-8000-000000000001");

    public static readonly Guid StreetHarassment = new("0193a000-0000-7000-8000-000000000002");

    public AppFixture App { get; } = new();

    public Task InitializeAsync() => App.InitializeAsync();

    public Task DisposeAsync() => App.DisposeAsync();

    /// <summary>The next Monday 08:00 in Brussels (the default schedule): its period covers the last seven days.</summary>
    public static DateTimeOffset NextWeeklyPeriod() =>
        DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow.AddDays(7))!.Value;

    /// <summary>Runs <c>digests send-due --at</c> as an operator would; returns its output.</summary>
    public async Task<string> SendDueAsync(DateTimeOffset at, IServiceProvider? services = null)
    {
        var (exit, output, error) = await RunSendDueAsync(at, services);
        Assert.True(exit == 0, error);
        return output;
    }

    public async Task<(int Exit, string Output, string Error)> RunSendDueAsync(DateTimeOffset at, IServiceProvider? services = null)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await ExchangeCli.RunAsync(services ?? App.Factory.Services, ["digests", "send-due", "--at", at.ToString("O")], output, error);
        return (exit, output.ToString(), error.ToString());
    }

    /// <summary>Digests on for these members only, so that a run of one test never reaches another test's members.</summary>
    public Task OnlyTheseReceiveAsync(params Guid[] userIds) => OnlyTheseReceiveAsync(DigestFrequency.Weekly, 8, userIds);

    public async Task OnlyTheseReceiveAsync(DigestFrequency frequency, int hour, params Guid[] userIds)
    {
        await using var db = App.Database.CreateContext();
        await db.Users.Where(u => !userIds.Contains(u.Id)).ExecuteUpdateAsync(s => s.SetProperty(u => u.DigestFrequency, DigestFrequency.Off));
        await db.Users.Where(u => userIds.Contains(u.Id)).ExecuteUpdateAsync(s => s
            .SetProperty(u => u.DigestFrequency, frequency)
            .SetProperty(u => u.DigestDay, DayOfWeek.Monday)
            .SetProperty(u => u.DigestHour, hour));
    }

    public async Task FollowAsync(ApplicationUser user, FollowKind kind, Guid target)
    {
        var viewer = new Web.Features.Accounts.Viewer(user.Id, user.OrganizationId, user.Role, user.DisplayName);
        var result = await App.WithServiceAsync(s => s.GetRequiredService<FollowService>().FollowAsync(viewer, kind, target));
        Assert.True(result.Succeeded, string.Join(", ", result.Errors));

        // As if they had followed it when they joined: a first digest starts when the member joined or first followed,
        // whichever is later (DigestSchedule.Since), and these tests record first and follow after.
        await using var db = App.Database.CreateContext();
        var joined = await db.Users.Where(u => u.Id == user.Id).Select(u => u.CreatedAt).SingleAsync();
        await db.Follows.Where(f => f.UserId == user.Id).ExecuteUpdateAsync(s => s.SetProperty(f => f.CreatedAt, joined));
    }

    /// <summary>The digests (not other mail) <paramref name="user"/> received so far.</summary>
    public IReadOnlyList<MimeMessage> DigestsTo(ApplicationUser user, TestSmtpServer? smtp = null) =>
        (smtp ?? App.Smtp).Messages
            .Where(m => m.MessageId?.StartsWith("digest.", StringComparison.Ordinal) == true
                && m.To.Mailboxes.Any(b => string.Equals(b.Address, user.Email, StringComparison.OrdinalIgnoreCase)))
            .ToList();
}
