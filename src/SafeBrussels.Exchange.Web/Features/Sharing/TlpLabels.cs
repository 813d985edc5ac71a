using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Features.Sharing;

/// <summary>The TLP 2.0 labels as written everywhere outside the code: database, exchange format, API, mail subjects.</summary>
public static class TlpLabels
{
    private static readonly Dictionary<Tlp, string> Names = new()
    {
        [Tlp.Clear] = "CLEAR",
        [Tlp.Green] = "GREEN",
        [Tlp.Amber] = "AMBER",
        [Tlp.AmberStrict] = "AMBER+STRICT",
        [Tlp.Red] = "RED",
    };

    public static IReadOnlyList<Tlp> All { get; } = [Tlp.Clear, Tlp.Green, Tlp.Amber, Tlp.AmberStrict, Tlp.Red];

    public static string ToLabel(this Tlp tlp) => Names[tlp];

    public static bool TryParse(string? label, out Tlp tlp)
    {
        foreach (var (value, name) in Names)
        {
            if (string.Equals(name, label, StringComparison.OrdinalIgnoreCase))
            {
                tlp = value;
                return true;
            }
        }

        tlp = default;
        return false;
    }

    public static Tlp Parse(string label) =>
        TryParse(label, out var tlp) ? tlp : throw new FormatException($"Unknown TLP label '{label}'.");
}
