using System.Net;
using System.Text.Json;
using SafeBrussels.Exchange.IntegrationTests.Infrastructure;
using SafeBrussels.Exchange.TestSupport;

namespace SafeBrussels.Exchange.IntegrationTests.Health;

[Collection(AppCollection.Name)]
public sealed class HealthTests(AppFixture app)
{
    [Fact]
    public async Task Live_and_ready_answer_healthy_on_a_migrated_database()
    {
        using var session = app.NewSession();
        Assert.Equal(HttpStatusCode.OK, (await session.Client.GetAsync("/health/live")).StatusCode);
        var ready = await session.Client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
        Assert.Equal("Healthy", body.RootElement.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Ready_reports_unapplied_migrations_while_live_stays_up()
    {
        await using var empty = await TestDatabase.CreateAsync("empty", migrate: false);
        await using var factory = new ExchangeAppFactory(empty, app.Smtp);
        using var client = factory.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("migration", await ready.Content.ReadAsStringAsync());
    }
}
