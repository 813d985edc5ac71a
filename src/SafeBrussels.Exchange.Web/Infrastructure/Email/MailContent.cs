namespace SafeBrussels.Exchange.Web.Infrastructure.Email;

/// <summary>One message to one person: always both a plain-text and an HTML body.</summary>
public sealed record MailContent(string ToAddress, string? ToName, string Subject, string Text, string Html, string Language);
