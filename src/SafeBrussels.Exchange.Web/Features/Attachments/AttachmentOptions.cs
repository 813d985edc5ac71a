using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Attachments;

/// <summary>Configuration section <c>Attachments</c>.</summary>
public sealed class AttachmentOptions
{
    public const string SectionName = "Attachments";

    /// <summary>Largest accepted file, in bytes. Default 25 MB.</summary>
    [Range(1L, 1024L * 1024 * 1024)]
    public long MaxBytes { get; set; } = 25L * 1024 * 1024;
}
