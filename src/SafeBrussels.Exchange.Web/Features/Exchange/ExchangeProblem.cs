namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>One problem of an exchange document, located by a JSONPath such as <c>$.practices[3].themes[0]</c>.</summary>
public sealed record ExchangeProblem(string Path, string Code, IReadOnlyList<string> Args)
{
    public string Message => ExchangeProblemMessages.English(Code, Args);

    public override string ToString() => $"{Path}: {Message}";
}
