using System.ComponentModel.DataAnnotations;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Configuration section <c>Retention</c>.</summary>
public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>
    /// Days after a meeting's date when its minutes are archived (moved out of the record); 0 keeps them. Default five
    /// years: the agenda, decisions and action items stay, the detailed account of who said what does not.
    /// </summary>
    [Range(0, 36_500)]
    public int MinutesArchiveAfterDays { get; set; } = 1826;
}
