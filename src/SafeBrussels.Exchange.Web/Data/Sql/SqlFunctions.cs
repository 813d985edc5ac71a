using System.Reflection;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SafeBrussels.Exchange.Web.Data.Sql;

/// <summary>
/// The current definition of each of the application's SQL functions, one file per function in <c>Data/Sql</c>: the
/// text PostgreSQL gives back for it (<c>pg_get_functiondef</c>), ended by a semicolon, so that reading the file is
/// reading what the database runs. To change a function, edit its file and add a migration that calls
/// <see cref="Apply"/> with its name; a test (SqlFunctionsTests) fails while the migrated database and the files differ.
/// The migrations written before these files keep their own copies of the earlier versions.
/// </summary>
public static class SqlFunctions
{
    private const string Prefix = "sql/";

    private static readonly Assembly Assembly = typeof(SqlFunctions).Assembly;

    /// <summary>The functions that have a file, by name.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [.. Assembly.GetManifestResourceNames()
            .Where(name => name.StartsWith(Prefix, StringComparison.Ordinal) && name.EndsWith(".sql", StringComparison.Ordinal))
            .Select(name => name[Prefix.Length..^".sql".Length])
            .Order(StringComparer.Ordinal)];

    /// <summary>The <c>CREATE OR REPLACE FUNCTION</c> statement of <paramref name="name"/>.</summary>
    public static string Definition(string name)
    {
        using var stream = Assembly.GetManifestResourceStream($"{Prefix}{name}.sql")
            ?? throw new ArgumentException($"No file Data/Sql/{name}.sql.", nameof(name));
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Replaces each named function with the definition of its file (in a migration).</summary>
    public static void Apply(MigrationBuilder migrationBuilder, params string[] names)
    {
        foreach (var name in names)
        {
            migrationBuilder.Sql(Definition(name));
        }
    }
}
