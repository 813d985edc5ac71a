using System.Net;
using System.Text;

namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

/// <summary>
/// Lays out a simple transactional mail (greeting, paragraphs, one call to action) as plain text and
/// as HTML that reads well in common clients without images or scripts.
/// </summary>
public static class MailLayout
{
    public static (string Text, string Html) Render(
        string heading, IReadOnlyList<string> paragraphs, string actionLabel, string actionUrl, string footer, string language)
    {
        var text = new StringBuilder()
            .AppendLine(heading)
            .AppendLine();
        foreach (var paragraph in paragraphs)
        {
            text.AppendLine(paragraph).AppendLine();
        }

        text.AppendLine($"{actionLabel}: {actionUrl}")
            .AppendLine()
            .AppendLine("-- ")
            .AppendLine(footer);

        var html = new StringBuilder()
            .Append("<!DOCTYPE html><html lang=\"").Append(language).Append("\"><head><meta charset=\"utf-8\">")
            .Append("<title>").Append(WebUtility.HtmlEncode(heading)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f5f6f8;font-family:Arial,Helvetica,sans-serif;color:#1f2933;\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:24px;\">")
            .Append("<h1 style=\"font-size:20px;margin:0 0 16px;color:#0b3d6b;\">").Append(WebUtility.HtmlEncode(heading)).Append("</h1>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p style=\"font-size:15px;line-height:1.5;\">").Append(WebUtility.HtmlEncode(paragraph)).Append("</p>");
        }

        var href = WebUtility.HtmlEncode(actionUrl);
        html.Append("<p style=\"margin:24px 0;\"><a href=\"").Append(href)
            .Append("\" style=\"background:#0b3d6b;color:#ffffff;padding:12px 20px;border-radius:4px;text-decoration:none;display:inline-block;\">")
            .Append(WebUtility.HtmlEncode(actionLabel)).Append("</a></p>")
            .Append("<p style=\"font-size:13px;color:#52606d;word-break:break-all;\">").Append(href).Append("</p>")
            .Append("<hr style=\"border:none;border-top:1px solid #e4e7eb;\">")
            .Append("<p style=\"font-size:12px;color:#7b8794;\">").Append(WebUtility.HtmlEncode(footer)).Append("</p>")
            .Append("</div></body></html>");

        return (text.ToString(), html.ToString());
    }
}
