using Microsoft.Extensions.Options;

namespace SafeBrussels.Exchange.Web.Features.Digests;

/// <summary>Spaces the messages this instance sends so that a real relay never sees more than the configured rate.</summary>
public sealed class DigestRateLimiter(IOptions<DigestOptions> options, TimeProvider time)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private DateTimeOffset _next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        var perMinute = options.Value.MessagesPerMinute;
        if (perMinute <= 0)
        {
            return;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            if (_next > now)
            {
                await Task.Delay(_next - now, time, cancellationToken);
                now = _next;
            }

            _next = now + TimeSpan.FromMinutes(1.0 / perMinute);
        }
        finally
        {
            _gate.Release();
        }
    }
}
