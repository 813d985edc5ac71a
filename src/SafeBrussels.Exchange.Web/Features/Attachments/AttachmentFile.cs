namespace SafeBrussels.Exchange.Web.Features.Attachments;

public sealed record AttachmentFile(string FileName, string ContentType, byte[] Content);
