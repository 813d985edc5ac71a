using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.Web.Features.Search;

namespace SafeBrussels.Exchange.IntegrationTests.Search;

/// <summary>The query compiler keeps PostgreSQL's answers in a cache of bounded size, and compiles the same whatever it holds.</summary>
[Collection(ContentAppCollection.Name)]
public sealed class SearchCompilerTests(AppFixture app)
{
    [Fact]
    public async Task The_compilers_cache_stays_within_its_size_and_compiles_the_same_once_full()
    {
        const int Limit = 100;
        using var compiler = new SearchCompiler(
            app.Factory.Services.GetRequiredService<GlossaryStore>(),
            TimeProvider.System,
            Microsoft.Extensions.Options.Options.Create(new SearchOptions { CompilerCacheEntries = Limit }));
        await using var connection = new NpgsqlConnection(app.Database.ConnectionString);
        await connection.OpenAsync();
        const string Query = "harcèlement de rue -alcool \"marches exploratoires\"";

        var first = await compiler.CompileAsync(connection, Query);
        for (var i = 0; i < 60; i++)
        {
            // Three entries or more a query: stems, whether the records use the long word, the clause's reading.
            await compiler.CompileAsync(connection, $"prévention{i}quartier verkenning{i}wandeling");
            Assert.InRange(compiler.CachedEntries, 1, Limit);
        }

        var again = await compiler.CompileAsync(connection, Query);
        Assert.NotNull(first);
        Assert.Equal(first.Filter, again!.Filter);
        Assert.Equal(first.Clauses, again.Clauses);
        Assert.Equal(first.Weights, again.Weights);
    }
}
