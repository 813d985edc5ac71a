using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Practices;

/// <summary>Practice status and evidence level as written in the exchange format, the API and URLs.</summary>
public static class PracticeCodes
{
    public static IReadOnlyList<PracticeStatus> Statuses { get; } = Enum.GetValues<PracticeStatus>();

    public static IReadOnlyList<EvidenceLevel> EvidenceLevels { get; } = Enum.GetValues<EvidenceLevel>();

    public static string ToCode(this PracticeStatus status) => status.ToString().ToLowerInvariant();

    public static string ToCode(this EvidenceLevel evidence) => evidence.ToString().ToLowerInvariant();

    public static bool TryParseStatus(string? code, out PracticeStatus status) => TryParse(code, Statuses, ToCode, out status);

    public static bool TryParseEvidence(string? code, out EvidenceLevel evidence) => TryParse(code, EvidenceLevels, ToCode, out evidence);

    public static PracticeStatus ParseStatus(string code) =>
        TryParseStatus(code, out var status) ? status : throw new FormatException($"Unknown practice status '{code}'.");

    public static EvidenceLevel ParseEvidence(string code) =>
        TryParseEvidence(code, out var evidence) ? evidence : throw new FormatException($"Unknown evidence level '{code}'.");

    private static bool TryParse<T>(string? code, IReadOnlyList<T> values, Func<T, string> toCode, out T value)
        where T : struct
    {
        foreach (var candidate in values)
        {
            if (toCode(candidate) == code)
            {
                value = candidate;
                return true;
            }
        }

        value = default;
        return false;
    }
}
