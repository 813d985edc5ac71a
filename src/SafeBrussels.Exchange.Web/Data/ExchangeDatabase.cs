using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SafeBrussels.Exchange.Web.Data;

/// <summary>The one place that decides how the DbContext talks to PostgreSQL.</summary>
public static class ExchangeDatabase
{
    public const string ConnectionStringName = "Exchange";

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(WithoutJit(connectionString), npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
            })
            .UseSnakeCaseNamingConvention()
            .AddInterceptors(TextInterceptor);

    // Stateless: one for every context.
    private static readonly Infrastructure.Text.ControlCharacters.Interceptor TextInterceptor = new();

    /// <summary>
    /// PostgreSQL compiles a query to machine code once its estimated cost passes <c>jit_above_cost</c>, which the joins
    /// of a digest batch's readers with the period's records and searches over the whole corpus do: measured 20–30 ms of
    /// compilation on queries that then run for less, on every execution. The application's queries are short, so
    /// its connections turn JIT off unless the connection string sets <c>Options</c> itself.
    /// </summary>
    public static string WithoutJit(string connectionString)
    {
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        if (string.IsNullOrEmpty(builder.Options))
        {
            builder.Options = "-c jit=off";
        }

        return builder.ConnectionString;
    }

    /// <summary>
    /// A context outside the application's container (tests, tools). Identity reads its schema version
    /// (version 3: passkeys) from the application services, so a minimal set is supplied.
    /// </summary>
    public static ExchangeDbContext CreateStandalone(string connectionString)
    {
        var options = new DbContextOptionsBuilder<ExchangeDbContext>();
        Configure(options, connectionString);
        options.UseApplicationServiceProvider(StandaloneServices.Value);
        return new ExchangeDbContext(options.Options);
    }

    private static readonly Lazy<IServiceProvider> StandaloneServices = new(() =>
        new ServiceCollection()
            .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
            .BuildServiceProvider());
}
