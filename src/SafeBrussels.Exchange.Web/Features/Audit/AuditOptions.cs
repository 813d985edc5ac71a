using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Audit;

/// <summary>Configuration section <c>Audit</c>.</summary>
public sealed class AuditOptions
{
    public const string SectionName = "Audit";

    /// <summary>The database refuses to purge entries younger than this, whatever is configured.</summary>
    public const int MinimumRetentionDays = 30;

    /// <summary>How long entries are kept; older ones are purged once a day. Default two years.</summary>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 730;
}
