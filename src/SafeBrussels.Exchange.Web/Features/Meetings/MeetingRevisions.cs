using System.Text.Json;
using System.Text.Json.Nodes;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Compares revision snapshots field by field.</summary>
public static class MeetingRevisions
{
    /// <summary>
    /// The fields whose value differs between two snapshots, compared in their <see cref="Canonical"/> form: a list
    /// that is a set (themes, organizations, people, practices) is the same whatever order it was given or read in,
    /// and a field missing from an older snapshot is its default.
    /// </summary>
    public static List<string> ChangedFields(string before, string after)
    {
        var old = CanonicalJson(before);
        var now = CanonicalJson(after);
        return now.Select(p => p.Key)
            .Union(old.Select(p => p.Key))
            .Where(key => !JsonNode.DeepEquals(old[key], now[key]))
            .ToList();
    }

    /// <summary>
    /// A copy of <paramref name="input"/> with its unordered lists in one order (ordinal): the form gives them in
    /// the order they were picked or typed, the record reads them back by key or by name, and neither is a change.
    /// Agenda, decisions and action items keep their order, which is theirs.
    /// </summary>
    public static MeetingInput Canonical(MeetingInput input) => new()
    {
        Title = input.Title,
        ParticipantOrganizationIds = input.ParticipantOrganizationIds.Distinct().Order().ToList(),
        StartsAt = input.StartsAt,
        EndsAt = input.EndsAt,
        Mode = input.Mode,
        Location = input.Location,
        Language = input.Language,
        Themes = input.Themes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
        Tlp = input.Tlp,
        Agenda = input.Agenda,
        Minutes = input.Minutes,
        Decisions = input.Decisions,
        ActionItems = input.ActionItems,
        AttendeeUserIds = input.AttendeeUserIds.Distinct().Order().ToList(),
        AttendeeNames = input.AttendeeNames.Select(n => n.Trim()).Order(StringComparer.Ordinal).ToList(),
        PracticeIds = input.PracticeIds.Distinct().Order().ToList(),
    };

    private static JsonObject CanonicalJson(string snapshot) =>
        JsonSerializer.SerializeToNode(Canonical(Read(snapshot)), SnapshotJson)!.AsObject();

    /// <summary>
    /// A short plain-text rendering of one field of a version, to show what someone else changed: themes, mode,
    /// language and organizations by their names in the reader's language (never a key or an id).
    /// </summary>
    public static string Describe(MeetingInput input, string field, RevisionLabels labels) => field switch
    {
        "title" => input.Title,
        "minutes" => input.Minutes.Length > 400 ? input.Minutes[..400] + "…" : input.Minutes,
        "agenda" => string.Join(" · ", input.Agenda.Select(a => a.Title)),
        "decisions" => string.Join(" · ", input.Decisions),
        "actionItems" => string.Join(" · ", input.ActionItems.Select(a => a.Title)),
        "startsAt" => input.StartsAt.ToString("g", System.Globalization.CultureInfo.CurrentCulture),
        "endsAt" => input.EndsAt?.ToString("g", System.Globalization.CultureInfo.CurrentCulture) ?? "",
        "location" => input.Location,
        "tlp" => Sharing.TlpLabels.ToLabel(input.Tlp),
        "mode" => labels.Mode(input.Mode),
        "language" => Infrastructure.Localization.SupportedLanguages.NativeName(input.Language),
        "themes" => string.Join(", ", input.Themes.Select(labels.Theme).Order(StringComparer.CurrentCulture)),
        "participantOrganizationIds" => string.Join(", ", input.ParticipantOrganizationIds.Select(labels.Organization).Order(StringComparer.CurrentCulture)),
        "attendeeNames" => string.Join(", ", input.AttendeeNames),
        _ => "",
    };

    private static readonly JsonSerializerOptions SnapshotJson = new(JsonSerializerDefaults.Web)
    {
        Converters = { new Infrastructure.Text.ControlCharacters.JsonConverter() },
    };

    public static MeetingInput Read(string snapshot) => JsonSerializer.Deserialize<MeetingInput>(snapshot, SnapshotJson)!;

    /// <summary>The snapshot stored with a revision: the editable fields as JSON.</summary>
    public static string Write(MeetingInput input) => JsonSerializer.Serialize(Canonical(input), SnapshotJson);
}
