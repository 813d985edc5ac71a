using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Data.Sql;

namespace SafeBrussels.Exchange.IntegrationTests.Data;

/// <summary>
/// Each SQL function the migrations create has its current definition in <c>Data/Sql/&lt;name&gt;.sql</c>, and the
/// migrated database holds exactly that text: a function changed in a migration without its file (or the other way
/// round) fails here, naming it.
/// </summary>
[Collection(WebAppCollection.Name)]
public sealed class SqlFunctionsTests(AppFixture app)
{
    private const string Functions = """
        SELECT p.proname, pg_get_functiondef(p.oid)
        FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE n.nspname = 'public'
          AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')
        ORDER BY p.proname
        """;

    [Fact]
    public async Task The_database_holds_exactly_the_definition_of_each_function_file_and_no_function_without_one()
    {
        var inDatabase = new Dictionary<string, string>(StringComparer.Ordinal);
        await using (var connection = new NpgsqlConnection(app.Database.ConnectionString))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand(Functions, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Assert.False(inDatabase.ContainsKey(reader.GetString(0)), $"{reader.GetString(0)} is overloaded: one file per function");
                inDatabase[reader.GetString(0)] = reader.GetString(1);
            }
        }

        Assert.True(inDatabase.Count >= 7, $"only {inDatabase.Count} functions found");
        Assert.Equal(inDatabase.Keys.Order(StringComparer.Ordinal), SqlFunctions.Names);
        Assert.All(SqlFunctions.Names, name =>
            Assert.True(
                Normalized(inDatabase[name]) == Normalized(SqlFunctions.Definition(name)),
                $"Data/Sql/{name}.sql differs from the database's definition:\n{inDatabase[name]}"));
    }

    private static string Normalized(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd().TrimEnd(';');
}
