using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Meetings;

/// <summary>Meeting modes as written in the exchange format and the API.</summary>
public static class MeetingModes
{
    public static string ToCode(this MeetingMode mode) => mode switch
    {
        MeetingMode.Online => "online",
        MeetingMode.Hybrid => "hybrid",
        _ => "in-person",
    };

    public static bool TryParse(string? code, out MeetingMode mode)
    {
        foreach (var candidate in Enum.GetValues<MeetingMode>())
        {
            if (candidate.ToCode() == code)
            {
                mode = candidate;
                return true;
            }
        }

        mode = MeetingMode.InPerson;
        return false;
    }

    public static MeetingMode Parse(string code) =>
        TryParse(code, out var mode) ? mode : throw new FormatException($"Unknown meeting mode '{code}'.");
}
