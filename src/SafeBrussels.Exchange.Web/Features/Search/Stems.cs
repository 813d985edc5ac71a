using Npgsql;

namespace SafeBrussels.Exchange.Web.Features.Search;

/// <summary>Asks PostgreSQL's own stemmers (those the index uses) how they reduce words.</summary>
internal static class Stems
{
    public static async Task<Dictionary<string, WordStems>> OfAsync(NpgsqlConnection connection, IReadOnlyCollection<string> words, CancellationToken cancellationToken)
    {
        var stems = new Dictionary<string, WordStems>(StringComparer.Ordinal);
        if (words.Count == 0)
        {
            return stems;
        }

        await using var command = new NpgsqlCommand(
            """
            SELECT w, (ts_lexize('pg_catalog.french_stem', w))[1], (ts_lexize('pg_catalog.dutch_stem', w))[1], (ts_lexize('pg_catalog.english_stem', w))[1]
            FROM unnest(@words) AS w
            """,
            connection);
        command.Parameters.AddWithValue("words", words.ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            stems[reader.GetString(0)] = new WordStems(
                reader.IsDBNull(1) ? null : reader.GetString(1),
                reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetString(3));
        }

        return stems;
    }
}
