using Microsoft.AspNetCore.WebUtilities;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>Where a digest's lines lead, as paths on the site: the HTML part and the preview (DigestBody) and the text part say the same.</summary>
public static class DigestPaths
{
    public static string Of(DigestItem item) =>
        (item.OnMeeting ? $"/meetings/{item.RecordId}" : $"/practices/{item.RecordId}") + (item.Kind == DigestItemKind.Comment ? "#discussion" : "");

    public static string Of(DigestActionItem action) => $"/meetings/{action.MeetingId}";

    /// <summary>"And N more": the practice catalogue filtered on the group's theme, most recently updated first.</summary>
    public static string MorePractices(DigestGroup group) =>
        QueryHelpers.AddQueryString("/practices", new Dictionary<string, string?> { ["theme"] = group.ThemeKey, ["sort"] = "updated" });

    /// <summary>"And N more": the meeting list filtered on the group's theme.</summary>
    public static string MoreMeetings(DigestGroup group) => QueryHelpers.AddQueryString("/meetings", new Dictionary<string, string?> { ["theme"] = group.ThemeKey });
}
