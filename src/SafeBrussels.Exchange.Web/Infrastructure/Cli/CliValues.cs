using System.CommandLine;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>Values a verb cannot do without: given, and not blank.</summary>
public static class CliValues
{
    public static string RequireText(this ParseResult parsed, Option<string> option) =>
        parsed.GetValue(option) is { } value && !string.IsNullOrWhiteSpace(value)
            ? value
            : throw new CliException($"Option '{option.Name}' is required.");
}
