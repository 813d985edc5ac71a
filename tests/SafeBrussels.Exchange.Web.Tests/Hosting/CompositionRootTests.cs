using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Hosting;
using SafeBrussels.Exchange.Web.Infrastructure.Jobs;

namespace SafeBrussels.Exchange.Web.Tests.Hosting;

public sealed class CompositionRootTests
{
    /// <summary>
    /// In Development the host checks at start that every registered service can be constructed; the operator verbs
    /// (<c>migrate</c>, <c>seed-demo</c>: the first README command runs them) build the same root without the job
    /// server, so a service that needs the job client must not be registered there. Nothing connects to the database.
    /// </summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Every_service_can_be_constructed_as_the_development_host_checks_it(bool commandLine)
    {
        var builder = Builder(commandLine);

        // Build throws an AggregateException naming each service that cannot be constructed.
        var failure = Record.Exception(() => builder.Build().DisposeAsync().AsTask().GetAwaiter().GetResult());

        Assert.Null(failure);
    }

    /// <summary>The check above can fail: without a service that others take, the root does not build and says which.</summary>
    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void A_missing_registration_stops_the_host_naming_the_service(bool commandLine)
    {
        var builder = Builder(commandLine);
        Assert.Contains(builder.Services, d => d.ServiceType == typeof(AuditTrail));
        builder.Services.RemoveAll<AuditTrail>();

        var failure = Assert.Throws<AggregateException>(() => builder.Build());

        Assert.Contains(nameof(AuditTrail), failure.Message, StringComparison.Ordinal);
    }

    /// <summary>Each feature binds its options and checks them at start: a wrong value stops the host, naming the setting.</summary>
    [Theory]
    [InlineData("Digests:BatchSize", "0", "BatchSize")]
    [InlineData("Digests:ParallelBatches", "-1", "ParallelBatches")]
    [InlineData("Digests:Schedule", "every five minutes", "Digests:Schedule")]
    [InlineData("Attachments:MaxBytes", "0", "MaxBytes")]
    [InlineData("Audit:RetentionDays", "0", "RetentionDays")]
    [InlineData("Retention:MinutesArchiveAfterDays", "-5", "MinutesArchiveAfterDays")]
    public void A_wrong_setting_of_a_feature_stops_the_host_at_start_naming_it(string key, string value, string named)
    {
        using var app = Builder(commandLine: false, new() { [key] = value }).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => app.Services.GetRequiredService<IStartupValidator>().Validate());

        Assert.Contains(named, failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_documented_defaults_pass_the_start_checks()
    {
        using var app = Builder(commandLine: false).Build();

        app.Services.GetRequiredService<IStartupValidator>().Validate();
    }

    /// <summary>Each feature declares its own recurring jobs; the job server declares them all to Hangfire at start.</summary>
    [Fact]
    public void The_features_declare_their_recurring_jobs()
    {
        using var app = Builder(commandLine: false).Build();

        var declared = app.Services.GetServices<RecurringJobDeclaration>().Select(job => job.Id).Order(StringComparer.Ordinal);

        Assert.Equal(["audit-retention", "digests-due", "minutes-retention"], declared);
    }

    private static WebApplicationBuilder Builder(bool commandLine, Dictionary<string, string?>? settings = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Exchange"] = "Host=127.0.0.1;Port=1;Database=not_used;Username=nobody",
        });
        builder.Configuration.AddInMemoryCollection(settings ?? []);
        builder.AddExchange(commandLine);
        return builder;
    }
}
