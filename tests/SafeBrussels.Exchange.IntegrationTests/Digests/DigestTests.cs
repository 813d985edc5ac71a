using System.Net;
using System.Text.RegularExpressions;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.IntegrationTests.Meetings;
using SafeBrussels.Exchange.IntegrationTests.Practices;
using SafeBrussels.Exchange.TestSupport;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Accounts;
using SafeBrussels.Exchange.Web.Features.Comments;
using SafeBrussels.Exchange.Web.Features.Digests;
using SafeBrussels.Exchange.Web.Features.Meetings;
using SafeBrussels.Exchange.Web.Features.Sharing;

namespace SafeBrussels.Exchange.IntegrationTests.Digests;

/// <summary>
/// Digests against a real SMTP server: what each member receives (sharing rules, follows, languages), the message
/// itself (RFC 8058, Message-ID, multipart), and the exactly-once guarantees (rerun, crash, relay down, refusal).
/// </summary>
public sealed class DigestTests(DigestFixture digests) : IClassFixture<DigestFixture>
{
    private AppFixture App => digests.App;

    [Fact]
    public async Task Each_member_receives_what_they_follow_and_may_see_in_their_language()
    {
        var host = await App.CreateOrganizationAsync();
        var partner = await App.CreateOrganizationAsync("nl");
        var other = await App.CreateOrganizationAsync();
        var (author, authorViewer) = await App.CreateUserAsync(host, ExchangeRole.Contributor, "fr");
        var (colleague, _) = await App.CreateUserAsync(host, ExchangeRole.Reader, "en");
        var (partnerReader, _) = await App.CreateUserAsync(partner, ExchangeRole.Reader, "fr");
        var (partnerAuthor, partnerViewer) = await App.CreateUserAsync(partner, ExchangeRole.Contributor, "nl");
        var (otherReader, otherViewer) = await App.CreateUserAsync(other, ExchangeRole.Reader, "nl");
        var (idle, _) = await App.CreateUserAsync(other, ExchangeRole.Reader);
        var (gone, _) = await App.CreateUserAsync(other, ExchangeRole.Reader);

        var tag = Guid.NewGuid().ToString("N")[..6];
        var green = await CreateMeetingAsync(authorViewer, $"Green walk {tag}", Tlp.Green, partner.Id);
        await CreateMeetingAsync(authorViewer, $"Amber table {tag}", Tlp.Amber, partner.Id);
        await CreateMeetingAsync(authorViewer, $"Strict cell {tag}", Tlp.AmberStrict, partner.Id);
        await App.CreateAsync(authorViewer, PracticeBuilder.Input($"Red file {tag}", Tlp.Red));
        await App.CreateAsync(authorViewer, PracticeBuilder.Input($"Radical youth {tag}", Tlp.Green, "fr", "radicalisation"));
        var authored = await App.CreateAsync(authorViewer, PracticeBuilder.Input($"Origin {tag}", Tlp.Green));
        await App.CreateAsync(partnerViewer, PracticeBuilder.Input($"Adapted {tag}", Tlp.Green, "nl"), adaptedFrom: authored);
        var comment = await App.WithServiceAsync(s => s.GetRequiredService<CommentService>().AddAsync(otherViewer, RecordRef.Meeting(green), "Hoe betrekken jullie de buurt?"));
        Assert.True(comment.Result.Succeeded);

        await digests.FollowAsync(otherReader, FollowKind.Theme, DigestFixture.IntrafamilyViolence);
        await digests.FollowAsync(partnerReader, FollowKind.Organization, host.Id);
        await digests.FollowAsync(colleague, FollowKind.Theme, DigestFixture.StreetHarassment);
        await digests.FollowAsync(author, FollowKind.Theme, DigestFixture.StreetHarassment);
        await digests.FollowAsync(colleague, FollowKind.Meeting, green);
        await digests.FollowAsync(gone, FollowKind.Theme, DigestFixture.StreetHarassment);
        await using (var db = App.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == gone.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.IsActive, false));
        }

        await digests.OnlyTheseReceiveAsync(author.Id, colleague.Id, partnerReader.Id, otherReader.Id, idle.Id, gone.Id, partnerAuthor.Id);
        var output = await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1));
        Assert.Contains("Sent 4 digests", output);

        // Another city, following the parent theme: the GREEN meeting of the child theme, nothing above GREEN.
        var toOther = Text(Single(otherReader));
        Assert.Contains($"Green walk {tag}", toOther);
        Assert.Contains($"Origin {tag}", toOther);
        Assert.DoesNotContain($"Amber table {tag}", toOther);
        Assert.DoesNotContain($"Strict cell {tag}", toOther);
        Assert.DoesNotContain($"Red file {tag}", toOther);
        Assert.DoesNotContain($"Radical youth {tag}", toOther);
        // The subject says what is inside, in the member's language: how many updates, on which themes.
        Assert.Matches(@"^Uw overzicht: \d+ nieuwe items over Straatintimidatie", Single(otherReader).Subject);

        // The author also follows the theme of the adaptation: it is listed once, as an adaptation.
        Assert.Single(Regex.Matches(Text(Single(author)), $"Adapted {tag}"));

        // The partner, following the host organization: AMBER shared with it, not AMBER+STRICT or RED.
        var toPartner = Single(partnerReader);
        Assert.StartsWith("[TLP:AMBER] Votre résumé", toPartner.Subject);
        Assert.Contains($"[TLP:AMBER] Amber table {tag}", Text(toPartner));
        Assert.Contains($"Radical youth {tag}", Text(toPartner));
        Assert.DoesNotContain($"Strict cell {tag}", Text(toPartner));
        Assert.DoesNotContain($"Red file {tag}", Text(toPartner));

        // A colleague of the host: AMBER+STRICT too, and the comment on the meeting they follow.
        var toColleague = Single(colleague);
        Assert.StartsWith("[TLP:AMBER+STRICT] Your digest", toColleague.Subject);
        Assert.Contains($"[TLP:AMBER+STRICT] Strict cell {tag}", Text(toColleague));
        Assert.Contains("new comment by", Text(toColleague));
        Assert.DoesNotContain($"Red file {tag}", Text(toColleague));

        // The author: the adaptation of their practice (their own records are not news to them).
        var toAuthor = Text(Single(author));
        Assert.Contains($"Adapted {tag}", toAuthor);
        Assert.Contains("nouvelle adaptation", toAuthor);
        Assert.Contains($"Green walk {tag} (nouveau commentaire de", toAuthor);
        Assert.DoesNotContain($"Green walk {tag} (nouvelle réunion", toAuthor);

        // Nothing followed, nothing new: no email. Deactivated: nothing at all.
        Assert.Empty(digests.DigestsTo(idle));
        Assert.Empty(digests.DigestsTo(gone));
        Assert.Empty(digests.DigestsTo(partnerAuthor));
    }

    [Fact]
    public async Task A_first_digest_covers_only_the_time_since_the_member_joined_and_a_slot_before_they_joined_is_not_theirs()
    {
        var host = await App.CreateOrganizationAsync();
        var (_, authorViewer) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (veteran, _) = await App.CreateUserAsync(host, ExchangeRole.Reader, "en");
        var tag = Guid.NewGuid().ToString("N")[..6];
        await CreateMeetingAsync(authorViewer, $"Before the newcomer {tag}", Tlp.Green);
        await digests.FollowAsync(veteran, FollowKind.Theme, DigestFixture.IntrafamilyViolence);

        // Two minutes later a newcomer joins, and follows the same theme: the meeting above is before their time.
        var (newcomer, _) = await App.CreateUserAsync(host, ExchangeRole.Reader, "en");
        await using (var db = App.Database.CreateContext())
        {
            var earlier = DateTimeOffset.UtcNow.AddMinutes(-2);
            await db.Users.Where(u => u.Id == veteran.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, earlier.AddDays(-30)));
            await db.Meetings.Where(m => m.Title == $"Before the newcomer {tag}").ExecuteUpdateAsync(m => m.SetProperty(x => x.CreatedAt, earlier));
        }

        var follow = await App.WithServiceAsync(s => s.GetRequiredService<FollowService>().FollowAsync(
            new Viewer(newcomer.Id, newcomer.OrganizationId, newcomer.Role, newcomer.DisplayName), FollowKind.Theme, DigestFixture.IntrafamilyViolence));
        Assert.True(follow.Succeeded);
        await CreateMeetingAsync(authorViewer, $"After the newcomer {tag}", Tlp.Green);
        await digests.OnlyTheseReceiveAsync(veteran.Id, newcomer.Id);

        // The slot that passed an hour before the newcomer joined is the veteran's, not theirs.
        var scheduler = App.Factory.Services.GetRequiredService<DigestScheduler>();
        var passed = DigestSchedule.LatestDue(DigestFrequency.Weekly, DayOfWeek.Monday, 8, DateTimeOffset.UtcNow)!.Value;
        var duePassed = (await scheduler.FindDueAsync(passed.AddMinutes(1))).SelectMany(b => b.UserIds).ToList();
        Assert.DoesNotContain(newcomer.Id, duePassed);

        Assert.Contains("Sent 2 digests", await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1)));
        var toNewcomer = Text(Single(newcomer));
        Assert.Contains($"After the newcomer {tag}", toNewcomer);
        Assert.DoesNotContain($"Before the newcomer {tag}", toNewcomer);
        var toVeteran = Text(Single(veteran));
        Assert.Contains($"Before the newcomer {tag}", toVeteran);
        Assert.Contains($"After the newcomer {tag}", toVeteran);
        // The heading says what the digest holds, whoever recorded it (here the reader's own organization).
        Assert.Contains("what was recorded and discussed on what you follow", toVeteran);
        Assert.DoesNotContain("other administrations", toVeteran);
    }

    [Fact]
    public async Task A_red_meeting_reaches_the_people_named_on_it_and_nobody_else()
    {
        var host = await App.CreateOrganizationAsync();
        var other = await App.CreateOrganizationAsync("nl");
        var (_, authorViewer) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (named, _) = await App.CreateUserAsync(other, ExchangeRole.Reader, "en");
        var (colleague, _) = await App.CreateUserAsync(other, ExchangeRole.Reader, "en");
        var (hostColleague, _) = await App.CreateUserAsync(host, ExchangeRole.Reader, "en");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var input = MeetingBuilder.Valid($"Red crisis cell {tag}", Tlp.Red);
        input.AttendeeUserIds = [named.Id];
        Assert.True((await App.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(authorViewer, input))).Result.Succeeded);
        await CreateMeetingAsync(authorViewer, $"Green round {tag}", Tlp.Green);
        foreach (var reader in new[] { named, colleague, hostColleague })
        {
            await digests.FollowAsync(reader, FollowKind.Theme, DigestFixture.IntrafamilyViolence);
        }

        await digests.OnlyTheseReceiveAsync(named.Id, colleague.Id, hostColleague.Id);
        Assert.Contains("Sent 3 digests", await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1)));

        var toNamed = Single(named);
        Assert.StartsWith("[TLP:RED]", toNamed.Subject);
        Assert.Contains($"[TLP:RED] Red crisis cell {tag}", Text(toNamed));
        foreach (var reader in new[] { colleague, hostColleague })
        {
            Assert.Contains($"Green round {tag}", Text(Single(reader)));
            Assert.DoesNotContain($"Red crisis cell {tag}", Text(Single(reader)));
        }
    }

    [Fact]
    public async Task The_message_is_multipart_with_stable_id_and_one_click_unsubscribe()
    {
        var (reader, practice) = await ReaderWithNewsAsync("fr");
        await digests.OnlyTheseReceiveAsync(reader.Id);
        var period = DigestFixture.NextWeeklyPeriod();
        await digests.SendDueAsync(period.AddMinutes(1));

        var message = Single(reader);
        Assert.Equal($"digest.{reader.Id:N}.{period.UtcDateTime:yyyyMMdd'T'HHmm'Z'}@localhost", message.MessageId);
        var alternative = Assert.IsType<MultipartAlternative>(message.Body);
        Assert.Contains(alternative, part => part.ContentType.MimeType == "text/plain");
        Assert.Contains(alternative, part => part.ContentType.MimeType == "text/html");
        Assert.Contains($"https://localhost/practices/{practice}", message.TextBody);
        Assert.Contains($"href=\"https://localhost/practices/{practice}\"", message.HtmlBody);
        Assert.DoesNotContain("<img", message.HtmlBody!, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<script", message.HtmlBody!, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("fr", message.Body.Headers[HeaderId.ContentLanguage]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
        var unsubscribe = message.Headers[HeaderId.ListUnsubscribe]!.Trim('<', '>');
        Assert.StartsWith("https://localhost/digests/unsubscribe?token=", unsubscribe);

        using var client = App.Factory.CreateClient();
        var page = await client.GetAsync(new Uri(unsubscribe).PathAndQuery);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("<form method=\"post\"", await page.Content.ReadAsStringAsync());
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(reader));

        var tampered = await client.PostAsync(
            "/digests/unsubscribe?token=" + Uri.EscapeDataString("x" + unsubscribe[^20..]),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
        Assert.Equal(DigestFrequency.Weekly, await FrequencyAsync(reader));

        // RFC 8058: a POST without cookie or antiforgery token, from the mail client.
        var oneClick = await client.PostAsync(
            new Uri(unsubscribe).PathAndQuery,
            new FormUrlEncodedContent(new Dictionary<string, string> { ["List-Unsubscribe"] = "One-Click" }));
        Assert.Equal(HttpStatusCode.OK, oneClick.StatusCode);
        Assert.Equal(DigestFrequency.Off, await FrequencyAsync(reader));
    }

    [Fact]
    public async Task A_member_who_lost_access_to_a_followed_record_does_not_receive_it()
    {
        var host = await App.CreateOrganizationAsync();
        var other = await App.CreateOrganizationAsync();
        var (_, author) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (reader, _) = await App.CreateUserAsync(other, ExchangeRole.Reader);
        var (colleague, _) = await App.CreateUserAsync(host, ExchangeRole.Reader);
        var title = "Closed later " + Guid.NewGuid().ToString("N")[..6];
        var practice = await App.CreateAsync(author, PracticeBuilder.Input(title, Tlp.Green));
        await digests.FollowAsync(reader, FollowKind.Practice, practice);
        await digests.FollowAsync(colleague, FollowKind.Practice, practice);
        await App.SetTlpAsync(author, practice, Tlp.Amber);

        await digests.OnlyTheseReceiveAsync(reader.Id, colleague.Id);
        Assert.Contains("Sent 1 digest", await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1)));
        Assert.Empty(digests.DigestsTo(reader));
        Assert.Contains($"[TLP:AMBER] {title}", Text(Single(colleague)));
    }

    [Fact]
    public async Task A_theme_shows_five_items_and_links_the_rest_to_the_filtered_catalogue()
    {
        var host = await App.CreateOrganizationAsync();
        var (_, author) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (reader, _) = await App.CreateUserAsync(await App.CreateOrganizationAsync(), ExchangeRole.Reader);
        for (var i = 0; i < 7; i++)
        {
            await App.CreateAsync(author, PracticeBuilder.Input($"Batch {i} " + Guid.NewGuid().ToString("N")[..6], Tlp.Green));
        }

        await digests.FollowAsync(reader, FollowKind.Organization, host.Id);
        await digests.OnlyTheseReceiveAsync(reader.Id);
        await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1));

        var message = Single(reader);
        Assert.Equal(5, Regex.Matches(message.TextBody!, @"\[TLP:GREEN\] Batch \d").Count);
        Assert.Contains("and 2 more: practices https://localhost/practices?theme=street-harassment&sort=updated", message.TextBody);
        Assert.Contains("  meetings https://localhost/meetings?theme=street-harassment", message.TextBody);
        Assert.Contains("href=\"https://localhost/meetings?theme=street-harassment\"", message.HtmlBody);
        Assert.Contains("Your digest: 7 updates on Street harassment (until ", message.Subject);
    }

    [Fact]
    public async Task A_practice_is_listed_by_its_translation_in_the_mail_language_when_it_has_one()
    {
        var host = await App.CreateOrganizationAsync();
        var (_, author) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (dutch, _) = await App.CreateUserAsync(await App.CreateOrganizationAsync(), ExchangeRole.Reader, language: "nl");
        var (english, _) = await App.CreateUserAsync(await App.CreateOrganizationAsync(), ExchangeRole.Reader, language: "en");
        var tag = Guid.NewGuid().ToString("N")[..6];
        var input = PracticeBuilder.Input($"Marches exploratoires {tag}", Tlp.Green);
        input.Translations["nl"] = new Web.Features.Practices.TranslationInput { Title = $"Verkenningswandelingen {tag}" };
        await App.CreateAsync(author, input);
        await digests.FollowAsync(dutch, FollowKind.Organization, host.Id);
        await digests.FollowAsync(english, FollowKind.Organization, host.Id);

        await digests.OnlyTheseReceiveAsync(dutch.Id, english.Id);
        await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1));

        var inDutch = Single(dutch);
        Assert.Contains($"[TLP:GREEN] Verkenningswandelingen {tag}", inDutch.TextBody);
        Assert.Contains($">Verkenningswandelingen {tag}</a>", inDutch.HtmlBody);
        Assert.DoesNotContain("Marches exploratoires", inDutch.TextBody);
        // No translation in English: the original, in its language.
        Assert.Contains($"[TLP:GREEN] Marches exploratoires {tag}", Single(english).TextBody);
        Assert.Contains($"<a lang=\"fr\"", Single(english).HtmlBody);
    }

    [Fact]
    public async Task Rerunning_a_period_sends_nothing_twice()
    {
        var (first, _) = await ReaderWithNewsAsync();
        var (second, _) = await ReaderWithNewsAsync();
        await digests.OnlyTheseReceiveAsync(first.Id, second.Id);
        var at = DigestFixture.NextWeeklyPeriod().AddMinutes(1);

        Assert.Contains("Sent 2 digests", await digests.SendDueAsync(at));
        Assert.Contains("Sent 0 digests", await digests.SendDueAsync(at));
        Assert.Contains("Sent 0 digests", await digests.SendDueAsync(at.AddHours(3)));

        Assert.Single(digests.DigestsTo(first));
        Assert.Single(digests.DigestsTo(second));
    }

    [Fact]
    public async Task Open_action_items_of_the_member_or_their_organization_due_within_14_days_or_overdue_are_listed()
    {
        var host = await App.CreateOrganizationAsync();
        var partner = await App.CreateOrganizationAsync();
        var outsider = await App.CreateOrganizationAsync();
        var (_, authorViewer) = await App.CreateUserAsync(host, ExchangeRole.Contributor);
        var (owner, _) = await App.CreateUserAsync(partner, ExchangeRole.Reader);
        var (colleague, _) = await App.CreateUserAsync(partner, ExchangeRole.Reader);
        var (outside, _) = await App.CreateUserAsync(outsider, ExchangeRole.Reader);
        var at = DigestFixture.NextWeeklyPeriod().AddMinutes(1);
        var today = DateOnly.FromDateTime(Web.Infrastructure.Localization.ExchangeTime.ToBrussels(at).DateTime);
        var tag = Guid.NewGuid().ToString("N")[..6];
        var input = MeetingBuilder.Valid($"Follow-up {tag}", Tlp.Amber, partner.Id);
        input.ActionItems =
        [
            new() { Title = $"Own in ten days {tag}", OwnerUserId = owner.Id, Due = today.AddDays(10) },
            new() { Title = $"Own on day fourteen {tag}", OwnerUserId = owner.Id, Due = today.AddDays(14) },
            new() { Title = $"Organization overdue {tag}", OwnerOrganizationId = partner.Id, Due = today.AddDays(-3) },
            new() { Title = $"Own in three weeks {tag}", OwnerUserId = owner.Id, Due = today.AddDays(21) },
            new() { Title = $"Own but done {tag}", OwnerUserId = owner.Id, Due = today.AddDays(2), IsDone = true },
            new() { Title = $"Own without date {tag}", OwnerUserId = owner.Id },
            new() { Title = $"Outsider's, on a record they may not see {tag}", OwnerOrganizationId = outsider.Id, Due = today.AddDays(1) },
        ];
        await CreateMeetingAsync(authorViewer, input);
        await digests.OnlyTheseReceiveAsync(owner.Id, colleague.Id, outside.Id);

        Assert.Contains("Sent 2 digests", await digests.SendDueAsync(at));

        var own = Text(Single(owner));
        Assert.Contains($"Own in ten days {tag}", own);
        Assert.Contains($"Own on day fourteen {tag}", own);
        Assert.Contains($"Organization overdue {tag}", own);
        Assert.DoesNotContain($"Own in three weeks {tag}", own);
        Assert.DoesNotContain($"Own but done {tag}", own);
        Assert.DoesNotContain($"Own without date {tag}", own);
        Assert.DoesNotContain("Outsider's", own);
        Assert.StartsWith("[TLP:AMBER] Your digest: 3 action items due (until ", Single(owner).Subject);

        Assert.StartsWith("[TLP:AMBER] Your digest: 1 action item due (until ", Single(colleague).Subject);
        var theirs = Text(Single(colleague));
        Assert.Contains($"Organization overdue {tag}", theirs);
        Assert.DoesNotContain($"Own in ten days {tag}", theirs);

        // Their organization owns an item, but the meeting is not shared with it: nothing, so no email.
        Assert.Empty(digests.DigestsTo(outside));
    }

    [Fact]
    public async Task A_crash_in_the_middle_of_a_batch_then_a_rerun_gives_everyone_exactly_one_message()
    {
        var (readers, at) = await FiveReadersDueAsync();
        var sender = App.Factory.Services.GetRequiredService<DigestSender>();
        var delivered = 0;
        void Crash(Guid userId)
        {
            if (++delivered == 2)
            {
                throw new InvalidOperationException("injected crash after the second delivery");
            }
        }

        sender.Delivered += Crash;
        try
        {
            var crash = await Assert.ThrowsAsync<InvalidOperationException>(() => digests.SendDueAsync(at));
            Assert.Contains("injected crash", crash.Message);
        }
        finally
        {
            sender.Delivered -= Crash;
        }

        Assert.Equal(2, readers.Count(r => digests.DigestsTo(r).Count == 1));
        Assert.Contains("Sent 3 digests", await digests.SendDueAsync(at));
        Assert.All(readers, r => Assert.Single(digests.DigestsTo(r)));
    }

    [Fact]
    public async Task A_batch_stopped_while_the_relay_accepts_a_message_records_it_and_a_rerun_sends_the_rest_once()
    {
        var (readers, at) = await FiveReadersDueAsync();
        var batch = Assert.Single(await App.Factory.Services.GetRequiredService<DigestScheduler>().FindDueAsync(at));
        var addresses = readers.Select(r => r.Email!).ToHashSet(StringComparer.OrdinalIgnoreCase);
        using var stop = new CancellationTokenSource();
        var arrived = 0;
        // The job is stopped (an instance shutting down, a sibling batch failing) while the relay takes the second
        // message, before its reply: that message is with the relay and must be recorded, not withdrawn.
        void StopOnSecond(MimeMessage message)
        {
            if (message.To.Mailboxes.Any(b => addresses.Contains(b.Address)) && Interlocked.Increment(ref arrived) == 2)
            {
                stop.Cancel();
            }
        }

        App.Smtp.Received += StopOnSecond;
        try
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                App.Factory.Services.GetRequiredService<DigestSender>().SendBatchAsync(batch.Period, batch.UserIds, stop.Token));
        }
        finally
        {
            App.Smtp.Received -= StopOnSecond;
        }

        var received = readers.Where(r => digests.DigestsTo(r).Count == 1).Select(r => r.Id).ToHashSet();
        Assert.Equal(2, received.Count);
        await using (var db = App.Database.CreateContext())
        {
            var ids = readers.Select(r => r.Id).ToList();
            var recorded = await db.DigestDeliveries.Where(d => ids.Contains(d.UserId) && d.Period == batch.Period).Select(d => d.UserId).ToListAsync();
            Assert.True(received.SetEquals(recorded), "the ledger must hold exactly the members whose message the relay accepted");
        }

        Assert.Contains("Sent 3 digests", await digests.SendDueAsync(at));
        Assert.All(readers, r => Assert.Single(digests.DigestsTo(r)));
    }

    [Fact]
    public async Task A_permanent_refusal_is_recorded_and_does_not_block_the_others()
    {
        var (refused, _) = await ReaderWithNewsAsync();
        var (accepted, _) = await ReaderWithNewsAsync();
        await digests.OnlyTheseReceiveAsync(refused.Id, accepted.Id);
        App.Smtp.RejectedRecipients[refused.Email!] = true;
        try
        {
            var at = DigestFixture.NextWeeklyPeriod().AddMinutes(1);
            var output = await digests.SendDueAsync(at);
            Assert.Contains("Sent 1 digest", output);
            Assert.Contains("1 refused by the relay", output);
            // Refused for good: a rerun does not try again.
            Assert.Contains("Sent 0 digests", await digests.SendDueAsync(at));
            Assert.Single(digests.DigestsTo(accepted));
            Assert.Empty(digests.DigestsTo(refused));
            var row = await LedgerAsync(refused);
            Assert.Equal(DigestOutcome.Refused, row.Outcome);
            Assert.StartsWith("550", row.Error);
        }
        finally
        {
            App.Smtp.RejectedRecipients.TryRemove(refused.Email!, out _);
        }
    }

    [Fact]
    public async Task With_the_relay_down_nothing_is_recorded_and_the_next_run_delivers_once()
    {
        var (reader, _) = await ReaderWithNewsAsync();
        await digests.OnlyTheseReceiveAsync(reader.Id);
        var port = TestSmtpServer.FreePort();
        await using var offline = new ExchangeAppFactory(App.Database, App.Smtp, settings: new Dictionary<string, string?>
        {
            ["Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Smtp:TimeoutSeconds"] = "5",
        });
        var at = DigestFixture.NextWeeklyPeriod().AddMinutes(1);

        var (exit, _, error) = await digests.RunSendDueAsync(at, offline.Services);
        Assert.Equal(1, exit);
        Assert.Contains($"the mail relay 127.0.0.1:{port} could not be used", error);
        await using (var db = App.Database.CreateContext())
        {
            Assert.False(await db.DigestDeliveries.AnyAsync(d => d.UserId == reader.Id));
        }

        await using var relay = new TestSmtpServer(port);
        Assert.Contains("Sent 1 digest", await digests.SendDueAsync(at, offline.Services));
        Assert.Contains("Sent 0 digests", await digests.SendDueAsync(at, offline.Services));
        Assert.Single(digests.DigestsTo(reader, relay));
    }

    [Fact]
    public async Task Each_look_for_due_digests_leaves_out_members_whose_batch_is_still_pending()
    {
        var (reader, practice) = await ReaderWithNewsAsync();
        var now = DateTimeOffset.UtcNow;
        var hour = Web.Infrastructure.Localization.ExchangeTime.ToBrussels(now).Hour;
        var period = DigestSchedule.LatestDue(DigestFrequency.Daily, DayOfWeek.Monday, hour, now)!.Value;
        await digests.OnlyTheseReceiveAsync(DigestFrequency.Daily, hour, reader.Id);
        var storage = App.Factory.Services.GetRequiredService<JobStorage>();
        var client = App.Factory.Services.GetRequiredService<IBackgroundJobClient>();
        async Task<List<string>> PendingAsync()
        {
            await using var db = App.Database.CreateContext();
            var pending = await DigestJobs.PendingBatchesAsync(db, storage, CancellationToken.None);
            return [.. pending.Where(b => b.UserIds.Contains(reader.Id) && b.Period == period).Select(b => b.JobId)];
        }

        try
        {
            // The relay is away (no job server here): the batch stays pending while the recurring look runs again.
            await using (var scope = App.Factory.Services.CreateAsyncScope())
            {
                var jobs = scope.ServiceProvider.GetRequiredService<DigestJobs>();
                await jobs.EnqueueDueAsync(CancellationToken.None);
                await jobs.EnqueueDueAsync(CancellationToken.None);
                await jobs.EnqueueDueAsync(CancellationToken.None);
            }

            var first = Assert.Single(await PendingAsync());

            // Ended without sending (deleted from the dashboard, as after running out of attempts): no longer
            // pending, so the next look gives the member a new batch.
            Assert.True(client.Delete(first));
            await using (var scope = App.Factory.Services.CreateAsyncScope())
            {
                await scope.ServiceProvider.GetRequiredService<DigestJobs>().EnqueueDueAsync(CancellationToken.None);
            }

            var second = Assert.Single(await PendingAsync());
            Assert.NotEqual(first, second);
            await using (var db = App.Database.CreateContext())
            {
                // The project's own ledger of pending batches: the ended one has left it.
                Assert.False(await db.PendingDigestBatches.AnyAsync(b => b.JobId == first));
                Assert.True(await db.PendingDigestBatches.AnyAsync(b => b.JobId == second));
            }
        }
        finally
        {
            foreach (var id in await PendingAsync())
            {
                client.Delete(id);
            }
        }

        _ = practice;
    }

    [Fact]
    public async Task Two_job_servers_on_one_database_send_one_digest_each()
    {
        var readers = new List<(ApplicationUser User, Guid Practice)>();
        for (var i = 0; i < 6; i++)
        {
            readers.Add(await ReaderWithNewsAsync());
        }

        // Daily digests due at the current Brussels hour; the news moved into the period that just ended.
        var now = DateTimeOffset.UtcNow;
        var hour = Web.Infrastructure.Localization.ExchangeTime.ToBrussels(now).Hour;
        var period = DigestSchedule.LatestDue(DigestFrequency.Daily, DayOfWeek.Monday, hour, now)!.Value;
        await digests.OnlyTheseReceiveAsync(DigestFrequency.Daily, hour, [.. readers.Select(r => r.User.Id)]);
        await using (var db = App.Database.CreateContext())
        {
            var practices = readers.Select(r => r.Practice).ToList();
            var before = period.AddMinutes(-30);
            await db.Practices.Where(p => practices.Contains(p.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(p => p.CreatedAt, before).SetProperty(p => p.UpdatedAt, before));
        }

        var settings = new Dictionary<string, string?>
        {
            ["Jobs:RunServer"] = "true",
            ["Jobs:QueuePollInterval"] = "00:00:01",
            ["Digests:BatchSize"] = "2",
        };
        await using var first = new ExchangeAppFactory(App.Database, App.Smtp, settings: settings);
        await using var second = new ExchangeAppFactory(App.Database, App.Smtp, settings: settings);
        _ = first.Server;
        _ = second.Server;

        // Both instances enqueue the same batches, as their looks for due digests do when they run at the same
        // moment (a look leaves out the members of batches already pending, but both may look before either
        // enqueued); both servers work on them.
        foreach (var instance in new[] { first, second })
        {
            var jobs = instance.Services.GetRequiredService<IBackgroundJobClient>();
            foreach (var batch in await instance.Services.GetRequiredService<DigestScheduler>().FindDueAsync(DateTimeOffset.UtcNow))
            {
                jobs.Enqueue<DigestJobs>(j => j.SendBatchAsync(batch.Period, batch.UserIds, CancellationToken.None));
            }
        }

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (readers.Any(r => digests.DigestsTo(r.User).Count == 0) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(250);
        }

        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.All(readers, r => Assert.Single(digests.DigestsTo(r.User)));
        await using (var db = App.Database.CreateContext())
        {
            var ids = readers.Select(r => r.User.Id).ToList();
            Assert.Equal(6, await db.DigestDeliveries.CountAsync(d => ids.Contains(d.UserId) && d.Period == period && d.Outcome == DigestOutcome.Sent));
        }
    }

    [Fact]
    public async Task With_a_key_configured_digests_are_dkim_signed_over_the_unsubscribe_headers()
    {
        using var rsa = System.Security.Cryptography.RSA.Create(2048);
        var keyFile = Path.Combine(Directory.CreateTempSubdirectory("dkim-").FullName, "dkim.pem");
        await File.WriteAllTextAsync(keyFile, rsa.ExportRSAPrivateKeyPem());
        var (reader, _) = await ReaderWithNewsAsync();
        await digests.OnlyTheseReceiveAsync(reader.Id);
        await using var signing = new ExchangeAppFactory(App.Database, App.Smtp, settings: new Dictionary<string, string?>
        {
            ["Email:Dkim:PrivateKeyPath"] = keyFile,
            ["Email:Dkim:Domain"] = "exchange.example",
            ["Email:Dkim:Selector"] = "digest",
        });

        await digests.SendDueAsync(DigestFixture.NextWeeklyPeriod().AddMinutes(1), signing.Services);

        var message = Single(reader);
        var index = message.Headers.IndexOf(HeaderId.DkimSignature);
        Assert.True(index >= 0, "no DKIM-Signature header");
        var signature = message.Headers[index].Value;
        Assert.Contains("d=exchange.example", signature);
        Assert.Contains("s=digest", signature);
        Assert.Contains("list-unsubscribe-post", signature, StringComparison.OrdinalIgnoreCase);
        var verifier = new MimeKit.Cryptography.DkimVerifier(new PublishedKey(Convert.ToBase64String(rsa.ExportSubjectPublicKeyInfo())));
        Assert.True(await verifier.VerifyAsync(message, message.Headers[index]));
    }

    /// <summary>Five members with news, the only ones due, and an instant their weekly digest is due at.</summary>
    private async Task<(List<ApplicationUser> Readers, DateTimeOffset At)> FiveReadersDueAsync()
    {
        var readers = new List<ApplicationUser>();
        for (var i = 0; i < 5; i++)
        {
            readers.Add((await ReaderWithNewsAsync()).User);
        }

        await digests.OnlyTheseReceiveAsync([.. readers.Select(r => r.Id)]);
        return (readers, DigestFixture.NextWeeklyPeriod().AddMinutes(1));
    }

    private async Task<(ApplicationUser User, Guid Practice)> ReaderWithNewsAsync(string language = "en")
    {
        var organization = await App.CreateOrganizationAsync();
        var (author, authorViewer) = await App.CreateUserAsync(organization, ExchangeRole.Contributor);
        var (reader, _) = await App.CreateUserAsync(organization, ExchangeRole.Reader, language);
        // A member of two days' standing: the slots of the last day are theirs (DigestSchedule.DueSlot).
        await using (var db = App.Database.CreateContext())
        {
            await db.Users.Where(u => u.Id == reader.Id).ExecuteUpdateAsync(u => u.SetProperty(x => x.CreatedAt, DateTimeOffset.UtcNow.AddDays(-2)));
        }

        var practice = await App.CreateAsync(authorViewer, PracticeBuilder.Input("News " + Guid.NewGuid().ToString("N")[..6], Tlp.Green));
        await digests.FollowAsync(reader, FollowKind.Practice, practice);
        _ = author;
        return (reader, practice);
    }

    private Task<Guid> CreateMeetingAsync(Viewer author, string title, Tlp tlp, params Guid[] participants) =>
        CreateMeetingAsync(author, MeetingBuilder.Valid(title, tlp, participants));

    private async Task<Guid> CreateMeetingAsync(Viewer author, MeetingInput input)
    {
        var outcome = await App.WithServiceAsync(s => s.GetRequiredService<MeetingSaver>().CreateAsync(author, input));
        Assert.True(outcome.Result.Succeeded, string.Join(", ", outcome.Result.Errors));
        return outcome.Id!.Value;
    }

    private MimeMessage Single(ApplicationUser user) => Assert.Single(digests.DigestsTo(user));

    private static string Text(MimeMessage message) => message.Subject + "\n" + message.TextBody;

    private async Task<DigestFrequency> FrequencyAsync(ApplicationUser user)
    {
        await using var db = App.Database.CreateContext();
        return await db.Users.Where(u => u.Id == user.Id).Select(u => u.DigestFrequency).SingleAsync();
    }

    private async Task<DigestDelivery> LedgerAsync(ApplicationUser user)
    {
        await using var db = App.Database.CreateContext();
        return await db.DigestDeliveries.SingleAsync(d => d.UserId == user.Id);
    }

    /// <summary>The DNS record a receiving server would look up: <c>digest._domainkey.exchange.example</c>.</summary>
    private sealed class PublishedKey(string publicKey) : MimeKit.Cryptography.DkimPublicKeyLocatorBase
    {
        public override Org.BouncyCastle.Crypto.AsymmetricKeyParameter LocatePublicKey(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            GetPublicKey($"v=DKIM1; k=rsa; p={publicKey}");

        public override Task<Org.BouncyCastle.Crypto.AsymmetricKeyParameter> LocatePublicKeyAsync(string methods, string domain, string selector, CancellationToken cancellationToken = default) =>
            Task.FromResult(LocatePublicKey(methods, domain, selector, cancellationToken));
    }
}
