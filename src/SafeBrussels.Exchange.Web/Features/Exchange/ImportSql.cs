using Npgsql;
using NpgsqlTypes;

namespace SafeBrussels.Exchange.Web.Features.Exchange;

/// <summary>The few ways the import talks to PostgreSQL: a statement, and rows sent with COPY (binary).</summary>
internal static class ImportSql
{
    internal static async Task CopyAsync(NpgsqlConnection connection, string copyCommand, IEnumerable<object?[]> rows, NpgsqlDbType[] types, CancellationToken cancellationToken)
    {
        await using var copy = await connection.BeginBinaryImportAsync(copyCommand, cancellationToken);
        foreach (var row in rows)
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < row.Length; i++)
            {
                await WriteNullableAsync(copy, row[i], types[i], cancellationToken);
            }
        }

        await copy.CompleteAsync(cancellationToken);
    }

    internal static Task WriteNullableAsync<T>(NpgsqlBinaryImporter copy, T? value, NpgsqlDbType type, CancellationToken cancellationToken) =>
        value is null ? copy.WriteNullAsync(cancellationToken) : copy.WriteAsync(value, type, cancellationToken);

    internal static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken, DateTimeOffset? now = null)
    {
        // Part of one all-or-nothing import: a large file may take minutes, which the caller can still cancel.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
        if (now is { } at)
        {
            command.Parameters.AddWithValue("now", at);
        }

        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
