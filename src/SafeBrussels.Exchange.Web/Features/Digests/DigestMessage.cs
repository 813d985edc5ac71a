using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MimeKit;
using MimeKit.Cryptography;
using SafeBrussels.Exchange.Web.Data;
using SafeBrussels.Exchange.Web.Features.Sharing;
using SafeBrussels.Exchange.Web.Infrastructure.Email;
using SafeBrussels.Exchange.Web.Infrastructure.Localization;
using SafeBrussels.Exchange.Web.Infrastructure.Web;
using SafeBrussels.Exchange.Web.Resources;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>
/// Writes a digest as the mail that is sent: plain text and HTML in the member's language, absolute links,
/// the most restrictive TLP label first in the subject, one-click unsubscribe (RFC 8058), a Message-ID that is
/// the same for the same member and period, no images and no tracking; DKIM-signed when a key is configured.
/// </summary>
public sealed class DigestMessage(
    IOptions<EmailOptions> options,
    PublicLinks links,
    UnsubscribeTokens unsubscribeTokens,
    IStringLocalizer<SharedResource> localizer,
    IServiceScopeFactory scopes,
    ILoggerFactory loggerFactory)
{
    public async Task<MimeMessage> BuildAsync(Digest digest, DateTimeOffset sentAt)
    {
        var settings = options.Value;
        var recipient = digest.Recipient;
        using var culture = CultureScope.Use(recipient.Language);
        var unsubscribe = links.Absolute("/digests/unsubscribe", new Dictionary<string, string?> { ["token"] = unsubscribeTokens.Create(recipient.UserId) });

        var message = new MimeMessage();
        message.From.Add(new MailboxAddress(settings.FromName, settings.FromAddress));
        // Mail cannot hold most control characters (text stored before the input rule may still have one).
        message.To.Add(new MailboxAddress(Infrastructure.Text.ControlCharacters.Clean(recipient.DisplayName), recipient.Email));
        message.Subject = Infrastructure.Text.ControlCharacters.Clean(Subject(digest));
        message.Date = sentAt;
        message.MessageId = MessageIdFor(recipient.UserId, digest.Period);
        message.Headers.Add("Auto-Submitted", "auto-generated");
        message.Headers.Add("Precedence", "bulk");
        message.Headers.Add(HeaderId.ListId, $"<digest.{Host}>");
        message.Headers.Add(HeaderId.ListUnsubscribe, $"<{unsubscribe}>");
        message.Headers.Add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        var sections = Sections(digest);
        message.Body = new BodyBuilder
        {
            TextBody = Infrastructure.Text.ControlCharacters.Clean(Text(digest, sections, unsubscribe)),
            HtmlBody = Infrastructure.Text.ControlCharacters.Clean(await HtmlAsync(digest, unsubscribe)),
        }.ToMessageBody();
        message.Body.Headers.Add(HeaderId.ContentLanguage, recipient.Language);
        Sign(message, settings.Dkim);
        return message;
    }

    /// <summary>The subject the message would have, in the member's language (the preview shows it).</summary>
    public string SubjectFor(Digest digest)
    {
        using var culture = CultureScope.Use(digest.Recipient.Language);
        return Subject(digest);
    }

    /// <summary>The same for the same member and period: a resent digest is recognisably the same message.</summary>
    public string MessageIdFor(Guid userId, DateTimeOffset period) =>
        $"digest.{userId:N}.{period.UtcDateTime.ToString("yyyyMMdd'T'HHmm'Z'", CultureInfo.InvariantCulture)}@{Host}";

    private string Host => _host ??= new Uri(links.Absolute("/")).Host;

    private string? _host;

    private string Subject(Digest digest)
    {
        // Above GREEN, the most restrictive label leads so that nobody forwards the mail unaware.
        var label = digest.MostRestrictive > Tlp.Green ? $"[TLP:{digest.MostRestrictive.ToLabel()}] " : "";
        // What is inside: how many updates on which themes (the first three), then the action items due.
        var updates = digest.Groups.Sum(g => g.Items.Count + g.More);
        var actions = digest.ActionItems.Count;
        if (updates == 0)
        {
            return label + L(actions == 1 ? "Digest.SubjectOnlyAction" : "Digest.SubjectOnlyActions", actions, Date(digest.Period));
        }

        var themes = string.Join(", ", digest.Groups.Take(3).Select(GroupTitle)) + (digest.Groups.Count > 3 ? ", …" : "");
        var subject = label + L(updates == 1 ? "Digest.SubjectOne" : "Digest.Subject", updates, Date(digest.Period), themes);
        return actions == 0 ? subject : subject + L(actions == 1 ? "Digest.SubjectAction" : "Digest.SubjectActions", actions);
    }

    // What the text part shows of each group: its title, each item's description and link, the rest (the HTML part is
    // DigestBody's, which says the same).
    private sealed record Line(DigestItem Item, string What, string Link);

    // "And N more": the practice catalogue and the meeting list, each filtered on the group's theme.
    private sealed record Section(string Title, IReadOnlyList<Line> Lines, string? More, string? MoreLink, string? MoreMeetingsLink);

    private List<Section> Sections(Digest digest) =>
        digest.Groups.Select(group => new Section(
                GroupTitle(group),
                group.Items.Select(item => new Line(item, What(item), Link(item))).ToList(),
                group.More > 0 ? L("Digest.MoreWhere", group.More) : null,
                group.More > 0 ? MoreLink(group) : null,
                group.More > 0 ? MoreMeetingsLink(group) : null))
            .ToList();

    private string Text(Digest digest, IReadOnlyList<Section> sections, string unsubscribe)
    {
        var text = new StringBuilder(4096)
            .AppendLine(L("Digest.Heading"))
            .AppendLine(L("Digest.Intro", Date(digest.Since), Date(digest.Period)))
            .AppendLine();
        foreach (var section in sections)
        {
            text.AppendLine(section.Title).AppendLine(new string('=', section.Title.Length));
            foreach (var (item, what, link) in section.Lines)
            {
                text.Append("- [TLP:").Append(item.Tlp.ToLabel()).Append("] ").Append(item.Title)
                    .Append(" (").Append(what).Append(", ").Append(item.Organization).AppendLine(")")
                    .Append("  ").AppendLine(link);
            }

            if (section.More is not null)
            {
                text.Append("- ").Append(section.More).Append(' ').Append(L("Digest.MorePractices")).Append(' ').AppendLine(section.MoreLink)
                    .Append("  ").Append(L("Digest.MoreMeetings")).Append(' ').AppendLine(section.MoreMeetingsLink);
            }

            text.AppendLine();
        }

        if (digest.ActionItems.Count > 0)
        {
            var title = L("Digest.ActionItems");
            text.AppendLine(title).AppendLine(new string('=', title.Length));
            foreach (var action in digest.ActionItems)
            {
                text.Append("- [TLP:").Append(action.Tlp.ToLabel()).Append("] ").Append(action.Title).Append(" (")
                    .Append(DueText(action)).Append(", ").Append(action.MeetingTitle).AppendLine(")")
                    .Append("  ").AppendLine(links.Absolute(DigestPaths.Of(action)));
            }

            text.AppendLine();
        }

        return text
            .AppendLine("-- ")
            .AppendLine(L("Digest.Footer"))
            .Append(L("Digest.Preferences")).Append(": ").AppendLine(links.Absolute("/profile/digest"))
            .Append(L("Digest.Unsubscribe")).Append(": ").AppendLine(unsubscribe)
            .ToString();
    }

    /// <summary>The HTML part: <see cref="DigestMail"/>, the same component as the preview's body, rendered outside any page.</summary>
    private async Task<string> HtmlAsync(Digest digest, string unsubscribe)
    {
        // A renderer and its services of its own for each message: batches build their messages in parallel.
        await using var scope = scopes.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, loggerFactory);
        return await renderer.Dispatcher.InvokeAsync(async () =>
        {
            var parameters = ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(DigestMail.Digest)] = digest,
                [nameof(DigestMail.Unsubscribe)] = unsubscribe,
            });
            var mail = await renderer.RenderComponentAsync<DigestMail>(parameters);
            return mail.ToHtmlString();
        });
    }

    private string GroupTitle(DigestGroup group) => group.ThemeKey is null ? L("Digest.OtherTheme") : group.Label;

    private string What(DigestItem item) => item.Kind switch
    {
        DigestItemKind.Meeting => L(item.IsNew ? "Digest.NewMeeting" : "Digest.UpdatedMeeting"),
        DigestItemKind.Practice => L(item.IsNew ? "Digest.NewPractice" : "Digest.UpdatedPractice"),
        DigestItemKind.Adaptation => L("Digest.NewAdaptation"),
        _ => L("Digest.NewComment", item.Author ?? ""),
    };

    private string Link(DigestItem item) => links.Absolute(DigestPaths.Of(item));

    private string MoreMeetingsLink(DigestGroup group) => links.Absolute(DigestPaths.MoreMeetings(group));

    private string MoreLink(DigestGroup group) => links.Absolute(DigestPaths.MorePractices(group));

    private string DueText(DigestActionItem action) =>
        L(action.Overdue ? "Digest.Overdue" : "Digest.Due", action.Due.ToString("D", CultureInfo.CurrentCulture));

    private static string Date(DateTimeOffset value) => ExchangeTime.FormatDate(value);

    // The mail's texts in the current (the member's) language, looked up once per language: every message of a batch
    // uses the same dozen, and the resource manager takes a lock on each lookup.
    private readonly ConcurrentDictionary<(string Language, string Name), string> _texts = new();

    private string L(string name) =>
        _texts.GetOrAdd((CultureInfo.CurrentUICulture.Name, name), key => localizer[key.Name].Value);

    private string L(string name, params object[] arguments) =>
        string.Format(CultureInfo.CurrentCulture, L(name), arguments);

    private void Sign(MimeMessage message, DkimOptions dkim)
    {
        if (string.IsNullOrEmpty(dkim.PrivateKeyPath))
        {
            return;
        }

        var signer = new DkimSigner(dkim.PrivateKeyPath, dkim.Domain, dkim.Selector)
        {
            HeaderCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
            BodyCanonicalizationAlgorithm = DkimCanonicalizationAlgorithm.Relaxed,
        };
        message.Prepare(EncodingConstraint.SevenBit);
        // RFC 8058: the signature covers both unsubscribe headers.
        signer.Sign(message, new[] { "From", "To", "Subject", "Date", "Message-ID", "List-Id", "List-Unsubscribe", "List-Unsubscribe-Post" });
    }
}
