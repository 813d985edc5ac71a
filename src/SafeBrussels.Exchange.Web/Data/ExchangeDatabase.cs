using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace SafeBrussels.Exchange.Web.Data;

/// <summary>The one place that decides how the DbContext talks to PostgreSQL.</summary>
public static class ExchangeDatabase
{
    public const string ConnectionStringName = "Exchange";

    public static void Configure(DbContextOptionsBuilder options, string connectionString) =>
        options
            .UseNpgsql(connectionString, npgsql =>
            {
                npgsql.MigrationsHistoryTable("__ef_migrations_history");
                npgsql.EnableRetryOnFailure(maxRetryCount: 5, maxRetryDelay: TimeSpan.FromSeconds(5), errorCodesToAdd: null);
            })
            .UseSnakeCaseNamingConvention();

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
