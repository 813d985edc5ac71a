namespace SafeBrussels.Exchange.Web.Infrastructure;

/// <summary>
/// The outcome of a command: success, or problems keyed by field ("" for the whole form), each a resource
/// key so that every surface (page, API, CLI) can say it in the person's language.
/// </summary>
public sealed record CommandResult(IReadOnlyDictionary<string, string> Errors)
{
    public static CommandResult Ok { get; } = new(new Dictionary<string, string>());

    public bool Succeeded => Errors.Count == 0;

    public static CommandResult Fail(string field, string messageKey) => new(new Dictionary<string, string> { [field] = messageKey });

    public string? ErrorFor(string field) => Errors.GetValueOrDefault(field);
}
