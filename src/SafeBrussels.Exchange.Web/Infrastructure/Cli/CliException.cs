namespace SafeBrussels.Exchange.Web.Infrastructure.Cli;

/// <summary>A mistake of the operator: printed as is, exit code 1.</summary>
public sealed class CliException(string message) : Exception(message);
