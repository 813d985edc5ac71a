namespace SafeBrussels.Exchange.Web.Features.Search.Engine;

/// <summary>
/// A practice, meeting or comment as the search index holds it: its texts by part and language, what it is filtered
/// and counted by, and who may see it (<see cref="Sharing.SharingAudience"/>): <see cref="Audience"/> now, and for a
/// comment also <see cref="WrittenFor"/>, the audience it was written under (a reader needs a token of each).
/// </summary>
public sealed record SearchDocument(
    string Type,
    Guid Id,
    string Language,
    Guid OrganizationId,
    DateTimeOffset Date,
    IReadOnlyList<SearchText> Texts,
    IReadOnlyList<string> Themes,
    IReadOnlyList<string> Audience,
    IReadOnlyList<string> WrittenFor)
{
    /// <summary>The index's key of a record: its type and id, so a deletion finds it without knowing more.</summary>
    public string Key => KeyOf(Type, Id);

    public static string KeyOf(string type, Guid id) => $"{type}:{id:N}";
}
