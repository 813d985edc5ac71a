namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// A search as the engine runs it: the text as typed, the reader's tokens (<see cref="Sharing.SharingAudience.Of"/>),
/// the filters, the order and the page.
/// </summary>
public sealed record EngineQuery(
    string Text,
    IReadOnlyList<string> Reader,
    string? Type = null,
    string? Theme = null,
    Guid? Organization = null,
    string? Language = null,
    int? Year = null,
    bool ByDate = false,
    int Offset = 0,
    int Count = 20);
