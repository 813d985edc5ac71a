using System.Net;
using Microsoft.Extensions.DependencyInjection;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Attachments;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Meetings;

/// <summary>
/// Old versions under TLP: text shared as RED stays RED when the meeting is relabelled. For every pair (label then,
/// label now) and every viewer relation, a version is read only by who may see the meeting now and could see it under
/// the label and audience it was written under; the diff between two versions needs both.
/// </summary>
[Collection(MeetingsAppCollection.Name)]
public sealed class HistorySharingTests(AppFixture app) : IAsyncLifetime
{
    private static readonly Tlp[] Levels = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red];

    // Which levels each relation may see: the same matrix as SharingMatrixTests.
    private static readonly Dictionary<string, Tlp[]> Allowed = new()
    {
        ["author"] = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red],
        ["host-colleague"] = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict],
        ["shared-with-member"] = [Tlp.Clear, Tlp.Green, Tlp.Amber],
        ["other-member"] = [Tlp.Clear, Tlp.Green],
        ["named-person"] = [Tlp.Clear, Tlp.Green, Tlp.Red],
        ["platform-admin"] = [Tlp.Clear, Tlp.Green],
    };

    public static TheoryData<string> Relations => new(Allowed.Keys);

    private Dictionary<string, Viewer> _viewers = [];
    private Dictionary<string, string> _emails = [];
    private Dictionary<(Tlp Then, Tlp Now), Guid> _meetings = [];
    private Organization _shared = default!;
    private Organization _other = default!;
    private Viewer _author = default!;

    // The members and the 25 meetings (label then x label now) are read only: made once for the class.
    public async Task InitializeAsync()
    {
        var made = await app.OnceAsync(nameof(HistorySharingTests), async () =>
        {
            await MakeAsync();
            return this;
        });
        (_shared, _other, _author, _viewers, _emails, _meetings) = (made._shared, made._other, made._author, made._viewers, made._emails, made._meetings);
    }

    private async Task MakeAsync()
    {
        var host = await app.CreateOrganizationAsync();
        _shared = await app.CreateOrganizationAsync("nl");
        _other = await app.CreateOrganizationAsync();
        var admins = await app.CreateOrganizationAsync("en");
        Add("author", await app.CreateUserAsync(host, ExchangeRole.Contributor));
        _author = _viewers["author"];
        Add("host-colleague", await app.CreateUserAsync(host, ExchangeRole.Reader));
        Add("shared-with-member", await app.CreateUserAsync(_shared, ExchangeRole.Reader));
        Add("other-member", await app.CreateUserAsync(_other, ExchangeRole.Reader));
        Add("named-person", await app.CreateUserAsync(_other, ExchangeRole.Reader));
        Add("platform-admin", await app.CreateUserAsync(admins, ExchangeRole.PlatformAdmin));

        foreach (var then in Levels)
        {
            foreach (var now in Levels)
            {
                var input = MeetingBuilder.Valid($"History {then} then {now}", then, _shared.Id);
                input.AttendeeUserIds = [_viewers["named-person"].UserId];
                input.Minutes = $"Informant named under {then}";
                input.Location = $"Safe house {then}";
                var created = await Saver(s => s.CreateAsync(_author, input));
                Assert.True(created.Result.Succeeded, string.Join(", ", created.Result.Errors));
                var record = RecordRef.Meeting(created.Id!.Value);
                Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(_author, record, $"Comment under {then}"))).Result.Succeeded);
                Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<AttachmentService>().AddAsync(
                    _author, record, $"written-under-{then}.pdf", new MemoryStream(Attachments.AttachmentTests.Pdf)))).Succeeded);
                input.Minutes = $"Rewritten under {now}";
                input.Location = "Town hall";
                input.Tlp = now;
                var saved = await Saver(s => s.UpdateAsync(_author, created.Id!.Value, input, created.Version!.Value));
                Assert.True(saved.Result.Succeeded, string.Join(", ", saved.Result.Errors));
                Assert.True((await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(_author, record, $"Comment under {now}"))).Result.Succeeded);
                _meetings[(then, now)] = created.Id!.Value;
            }
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Theory]
    [MemberData(nameof(Relations))]
    public async Task Each_version_is_read_only_by_who_could_see_it_then_and_may_see_the_meeting_now(string relation)
    {
        var viewer = _viewers[relation];
        var allowed = Allowed[relation];
        foreach (var ((then, now), id) in _meetings)
        {
            var history = await History(s => s.HistoryAsync(viewer, id));
            var cell = $"{relation}: {then} then {now}";
            if (!allowed.Contains(now))
            {
                Assert.True(history is null, $"{cell}: the meeting is hidden now, so is its history");
                continue;
            }

            Assert.NotNull(history);
            var readsThen = allowed.Contains(then);
            Assert.True(
                (readsThen ? new[] { 2, 1 } : [2]).SequenceEqual(history.Revisions.Select(r => r.Number)),
                $"{cell}: versions {string.Join(",", history.Revisions.Select(r => r.Number))}");
            Assert.Equal(readsThen ? 0 : 1, history.Withheld);
            var latest = history.Revisions[0];
            Assert.Equal(now, latest.Tlp);
            Assert.Equal($"Rewritten under {now}", latest.Content.Minutes);
            if (readsThen)
            {
                Assert.Equal(then, history.Revisions[1].Tlp);
                Assert.Equal($"Informant named under {then}", history.Revisions[1].Content.Minutes);
                Assert.Contains("minutes", latest.ChangedFields!);
            }
            else
            {
                // Not even which fields changed against the version they may not read.
                Assert.True(latest.ChangedFields is null, $"{cell}: what changed against a withheld version is withheld");
                Assert.DoesNotContain(history.Revisions, r => r.Content.Minutes.Contains("Informant", StringComparison.Ordinal));
            }
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public async Task Comments_and_attachments_keep_the_label_the_meeting_had_when_they_were_written(string relation)
    {
        var viewer = _viewers[relation];
        var allowed = Allowed[relation];
        foreach (var ((then, now), id) in _meetings)
        {
            var record = RecordRef.Meeting(id);
            var comments = await app.WithServiceAsync(s => s.GetRequiredService<CommentService>().ListAsync(viewer, record));
            var attachments = await app.WithServiceAsync(s => s.GetRequiredService<AttachmentService>().ListAsync(viewer, record));
            var cell = $"{relation}: {then} then {now}";
            if (!allowed.Contains(now))
            {
                Assert.True(comments is null || comments.Count == 0, $"{cell}: no comment of a hidden meeting");
                Assert.True(attachments.Count == 0, $"{cell}: no attachment of a hidden meeting");
                continue;
            }

            var readsThen = allowed.Contains(then);
            Assert.True(
                (readsThen ? new[] { $"Comment under {then}", $"Comment under {now}" } : [$"Comment under {now}"]).SequenceEqual(comments!.Select(c => c.Body)),
                $"{cell}: comments {string.Join(" | ", comments!.Select(c => c.Body))}");
            Assert.True(readsThen == (attachments.Count == 1), $"{cell}: the attachment written under {then}");
        }
    }

    [Theory]
    [MemberData(nameof(Relations))]
    public async Task The_history_page_shows_no_text_of_a_version_the_viewer_may_not_read(string relation)
    {
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.Redirect, (await session.SignInAsync(_emails[relation], AppFixture.Password)).StatusCode);
        var allowed = Allowed[relation];
        foreach (var then in Levels)
        {
            // The probe's case: lowered to GREEN, which every member may see.
            var (page, document) = await session.GetAsync($"/meetings/{_meetings[(then, Tlp.Green)]}/history");
            Assert.Equal(HttpStatusCode.OK, page.StatusCode);
            var text = document.Body!.TextContent;
            Assert.Contains("History " + then, text, StringComparison.Ordinal);
            Assert.Equal(allowed.Contains(then), text.Contains($"Informant named under {then}", StringComparison.Ordinal));
            Assert.Equal(allowed.Contains(then), text.Contains($"Safe house {then}", StringComparison.Ordinal));
            Assert.Equal(allowed.Contains(then) || then == Tlp.Green, text.Contains($"TLP:{Web.Features.Sharing.TlpLabels.ToLabel(then)}", StringComparison.Ordinal));
        }
    }

    [Fact]
    public async Task A_version_keeps_the_audience_it_was_written_for()
    {
        // AMBER shared with one organization, then with a second one too: the second reads only what was written for it.
        var input = MeetingBuilder.Valid("Audience", Tlp.Amber, _shared.Id);
        input.Minutes = "For the first partner only";
        var created = await Saver(s => s.CreateAsync(_author, input));
        input.ParticipantOrganizationIds = [_shared.Id, _other.Id];
        input.Minutes = "For both partners";
        Assert.True((await Saver(s => s.UpdateAsync(_author, created.Id!.Value, input, created.Version!.Value))).Result.Succeeded);

        var first = await History(s => s.HistoryAsync(_viewers["shared-with-member"], created.Id!.Value));
        Assert.Equal([2, 1], first!.Revisions.Select(r => r.Number));
        var second = await History(s => s.HistoryAsync(_viewers["other-member"], created.Id!.Value));
        Assert.Equal([2], second!.Revisions.Select(r => r.Number));
        Assert.Equal("For both partners", second.Revisions[0].Content.Minutes);
        Assert.Null(second.Revisions[0].ChangedFields);
    }

    private void Add(string relation, (ApplicationUser User, Viewer Viewer) member)
    {
        _viewers[relation] = member.Viewer;
        _emails[relation] = member.User.Email!;
    }

    private Task<T> Saver<T>(Func<MeetingSaver, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingSaver>()));

    private Task<T> History<T>(Func<MeetingHistoryReader, Task<T>> action) =>
        app.WithServiceAsync(s => action(s.GetRequiredService<MeetingHistoryReader>()));
}
