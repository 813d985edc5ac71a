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

    /// <summary>
    /// Saves what <paramref name="db"/> holds (the new record <paramref name="recordId"/>) with <paramref name="key"/>:
    /// null once saved; the record an earlier submission with the same key created when it saved first (this
    /// submission waited on the key, then saved nothing).
    /// </summary>
    public static async Task<Guid?> SaveOnceAsync(
        this ExchangeDbContext db, Guid userId, string scope, string? key, Guid recordId, DateTimeOffset now, CancellationToken cancellationToken = default)
    {
        if (!string.IsNullOrEmpty(key))
        {
            db.IdempotencyKeys.Add(new IdempotencyKey { UserId = userId, Scope = scope, Key = Checked(key), RecordId = recordId, CreatedAt = now });
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return null;
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: "pk_idempotency_keys" })
        {
            return await db.EarlierAsync(userId, scope, key, cancellationToken);
        }
    }

    /// <summary>A key as a client sent it: 1 to 200 visible ASCII characters.</summary>
    public static bool IsValid(string? key) =>
        !string.IsNullOrEmpty(key) && key.Length <= IdempotencyKey.MaxKeyLength && key.All(c => c is > ' ' and <= '~');

    private static string Checked(string key) =>
        IsValid(key) ? key : throw new ArgumentException("An idempotency key is 1 to 200 visible ASCII characters.", nameof(key));
}
