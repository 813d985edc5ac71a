using SafeBrussels.Exchange.Web.Infrastructure.Email;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure.Email;

public sealed class MailLayoutTests
{
    [Fact]
    public void Text_and_html_carry_the_same_link_and_html_encodes_what_people_typed()
    {
        var (text, html) = MailLayout.Render("Hello <b>", ["Invited by <script>alert(1)</script>"], "Accept", "https://x.example/a?b=1&c=2", "Footer", "fr");

        Assert.Contains("https://x.example/a?b=1&c=2", text);
        Assert.Contains("https://x.example/a?b=1&amp;c=2", html);
        Assert.DoesNotContain("<script>", html);
        Assert.Contains("&lt;script&gt;", html);
        Assert.Contains("lang=\"fr\"", html);
        Assert.DoesNotContain("<img", html);
    }

    [Fact]
    public void Mime_message_is_multipart_alternative_with_text_and_html()
    {
        var content = new MailContent("a@example.org", "A", "Subject", "plain", "<p>html</p>", "nl");
        var mime = SmtpMailSender.ToMime(content, new EmailOptions());

        Assert.Equal("multipart/alternative", mime.Body!.ContentType.MimeType);
        Assert.Equal("plain", mime.TextBody?.Trim());
        Assert.Equal("<p>html</p>", mime.HtmlBody?.Trim());
        Assert.Equal("nl", mime.Headers[MimeKit.HeaderId.ContentLanguage]);
    }
}
