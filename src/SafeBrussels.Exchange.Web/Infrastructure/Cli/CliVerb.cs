using System.CommandLine;

namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>A verb: the group it sits in (<c>users</c> of <c>users add</c>), its definition, and the command that runs it.</summary>
public sealed record CliVerb(string? Group, Command Definition, Type Command)
{
    public static CliVerb Of<T>(string? group = null)
        where T : ICliCommand => new(group, T.Definition, typeof(T));
}
