namespace SafeBrussels.Exchange.Web.Data;

/// <summary>
/// A submission a member made with a key (a form instance, or an API request's <c>Idempotency-Key</c> header): a
/// repeat of it with the same key gets the first one's answer instead of doing the work again. Kept a day.
/// </summary>
public sealed class IdempotencyKey
{
    public const int MaxKeyLength = 200;

    public Guid UserId { get; set; }

    /// <summary>What the key was used for: a form's command (<c>meeting</c>) or the API's method and path.</summary>
    public required string Scope { get; set; }

    public required string Key { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The record a form's command created.</summary>
    public Guid? RecordId { get; set; }

    /// <summary>For the API: a SHA-256 of the query string and body, so that a key reused for another request is refused.</summary>
    public string? RequestHash { get; set; }

    /// <summary>For the API: the first answer, replayed to a repeat; null while the first request is still running.</summary>
    public int? StatusCode { get; set; }

    public string? ContentType { get; set; }

    public byte[]? Response { get; set; }
}
