namespace SafeBrussels.Exchange.Web.Features.Attachments;

public sealed record AttachmentSummary(Guid Id, string FileName, string ContentType, long Size, string UploadedByName, DateTimeOffset UploadedAt);
