using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SafeBrussels.Exchange.Web.Features.Digests;

namespace SafeBrussels.Exchange.Web.Tests.Features.Digests;

public sealed class DigestRateLimiterTests
{
    [Fact]
    public async Task At_sixty_a_minute_the_second_message_waits_one_second_and_no_less()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 7, 0, 0, TimeSpan.Zero));
        var limiter = new DigestRateLimiter(Options.Create(new DigestOptions { MessagesPerMinute = 60 }), time);

        await limiter.WaitAsync(CancellationToken.None);
        var second = limiter.WaitAsync(CancellationToken.None);
        Assert.False(second.IsCompleted);

        time.Advance(TimeSpan.FromMilliseconds(999));
        Assert.False(second.IsCompleted);
        time.Advance(TimeSpan.FromMilliseconds(1));
        await second.WaitAsync(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Zero_means_no_limit()
    {
        var time = new FakeTimeProvider();
        var limiter = new DigestRateLimiter(Options.Create(new DigestOptions { MessagesPerMinute = 0 }), time);

        for (var i = 0; i < 100; i++)
        {
            Assert.True(limiter.WaitAsync(CancellationToken.None).IsCompleted);
        }

        await Task.CompletedTask;
    }
}
