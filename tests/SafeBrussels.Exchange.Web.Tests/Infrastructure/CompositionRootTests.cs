using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using SafeBrussels.Exchange.Web.Hosting;

namespace SafeBrussels.Exchange.Web.Tests.Infrastructure;

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
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Exchange"] = "Host=127.0.0.1;Port=1;Database=not_used;Username=nobody",
        });
        builder.AddExchange(commandLine);

        // Throws an AggregateException naming each service that cannot be constructed.
        using var app = builder.Build();

        Assert.NotNull(app.Services);
    }
}
