using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using SafeBrussels.Exchange.Web.Features.Audit;
using SafeBrussels.Exchange.Web.Hosting;

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

    private static WebApplicationBuilder Builder(bool commandLine)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Exchange"] = "Host=127.0.0.1;Port=1;Database=not_used;Username=nobody",
        });
        builder.AddExchange(commandLine);
        return builder;
    }
}
