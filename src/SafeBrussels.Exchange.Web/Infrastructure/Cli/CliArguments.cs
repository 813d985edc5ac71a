namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>The arguments after a verb: positional values (as many as the verb takes), <c>--name value</c> pairs and bare <c>--flag</c>s.</summary>
public sealed class CliArguments
{
    private readonly Dictionary<string, string?> _options = new(StringComparer.Ordinal);
    private readonly List<string> _positionals = [];

    private CliArguments()
    {
    }

    public IReadOnlyList<string> Positionals => _positionals;

    public static CliArguments Parse(IReadOnlyList<string> args, IReadOnlySet<string> flags, IReadOnlySet<string> options, int positionals = 0)
    {
        var parsed = new CliArguments();
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (!arg.StartsWith("--", StringComparison.Ordinal))
            {
                if (parsed._positionals.Count >= positionals)
                {
                    throw new CliException($"Unexpected argument '{arg}'.");
                }

                parsed._positionals.Add(arg);
                continue;
            }

            var name = arg[2..];
            if (flags.Contains(name))
            {
                parsed._options[name] = null;
            }
            else if (options.Contains(name))
            {
                if (i + 1 >= args.Count || args[i + 1].StartsWith("--", StringComparison.Ordinal))
                {
                    throw new CliException($"Option '--{name}' needs a value.");
                }

                parsed._options[name] = args[++i];
            }
            else
            {
                throw new CliException($"Unknown option '--{name}'.");
            }
        }

        return parsed;
    }

    public bool Has(string name) => _options.ContainsKey(name);

    public string? Get(string name) => _options.GetValueOrDefault(name);

    public string Require(string name) =>
        Get(name) is { Length: > 0 } value ? value : throw new CliException($"Option '--{name}' is required.");
}
