using Microsoft.EntityFrameworkCore;
using Npgsql;
using SafeBrussels.Exchange.Web.Data;

namespace SafeBrussels.Exchange.Web.Infrastructure.Idempotency;

/// <summary>
/// Makes a repeated submission of one form instance harmless. The form carries a key made when it opened; the
/// command that creates a record stores the key with the record, in the same transaction. A repeat finds it and
/// answers with the record the first one created. Two submissions at the same instant meet on the key's primary key:
/// PostgreSQL holds the second insert until the first commits, and the second then fails on the key, never on a
/// second record.
/// </summary>
public static class Idempotency
{
    /// <summary>The record an earlier submission with <paramref name="key"/> created, if any.</summary>
    public static async Task<Guid?> EarlierAsync(
        this ExchangeDbContext db, Guid userId, string scope, string? key, CancellationToken cancellationToken = default) =>
        string.IsNullOrEmpty(key)
            ? null
            : await db.IdempotencyKeys.AsNoTracking()
                .Where(k => k.UserId == userId && k.Scope == scope && k.Key == key)
                .Select(k => k.RecordId)
                .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Stores <paramref name="key"/> with the record it creates, saved with it.</summary>
    public static void Remember(this ExchangeDbContext db, Guid userId, string scope, string? key, Guid recordId, DateTimeOffset now)
    {
        if (!string.IsNullOrEmpty(key))
        {
            db.IdempotencyKeys.Add(new IdempotencyKey { UserId = userId, Scope = scope, Key = Checked(key), RecordId = recordId, CreatedAt = now });
        }
    }

    /// <summary>Whether a save failed because another submission with the same key saved first.</summary>
    public static bool IsRepeat(DbUpdateException exception) =>
        exception.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotency_keys" };

    /// <summary>A key as a client sent it: 1 to 200 visible ASCII characters.</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= IdempotencyKey.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException("An idempotency key is 1 to 200 visible ASCII characters.", nameof(key));
}
