using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace SafeBrussels.Exchange.TestSupport;

/// <summary>A real SMTP server (the SmtpServer package) on a free loopback port that keeps every message it receives.</summary>
public sealed class TestSmtpServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _messages = new();
    private readonly SemaphoreSlim _arrived = new(0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _running;

    private readonly bool _keepMessages;
    private int _count;

    /// <param name="port">A given port (a relay that comes back where it was), else a free one.</param>
    /// <param name="keepMessages">False to only count what arrives (benchmarks: no parsing, no memory).</param>
    public TestSmtpServer(int? port = null, bool keepMessages = true)
    {
        _keepMessages = keepMessages;
        Port = port ?? FreePort();
        var options = new SmtpServerOptionsBuilder()
            .ServerName("localhost")
            .Endpoint(builder => builder.Endpoint(new IPEndPoint(IPAddress.Loopback, Port)))
            .Build();
        var services = new SmtpServer.ComponentModel.ServiceProvider();
        services.Add(new Store(this));
        services.Add(new Filter(this));
        services.Add(new NoDelayListeners());
        var server = new SmtpServer.SmtpServer(options, services);
        _running = server.StartAsync(_stop.Token);
    }

    public int Port { get; }

    /// <summary>Addresses refused for good at RCPT TO (550), as a real relay refuses an unknown mailbox.</summary>
    public ConcurrentDictionary<string, bool> RejectedRecipients { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>A free loopback port nothing listens on (yet).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public IReadOnlyCollection<MimeMessage> Messages => _messages;

    /// <summary>Raised for each message kept, before the relay's reply to it goes out (tests act "while the relay accepts").</summary>
    public event Action<MimeMessage>? Received;

    /// <summary>How many messages arrived.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>Waits for the first message to <paramref name="address"/> (that <paramref name="matching"/> accepts), already there or still to come.</summary>
    public async Task<MimeMessage> WaitForMessageToAsync(string address, TimeSpan? timeout = null, Func<MimeMessage, bool>? matching = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(15));
        while (true)
        {
            var found = _messages.FirstOrDefault(m =>
                m.To.Mailboxes.Any(b => string.Equals(b.Address, address, StringComparison.OrdinalIgnoreCase)) && (matching?.Invoke(m) ?? true));
            if (found is not null)
            {
                return found;
            }

            var left = deadline - DateTime.UtcNow;
            if (left <= TimeSpan.Zero)
            {
                throw new TimeoutException($"No mail to {address} arrived; {_messages.Count} other message(s) received.");
            }

            await _arrived.WaitAsync(left);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    // Replies go out at once, as a real relay's do: without TCP_NODELAY each small reply waits for the client's
    // delayed acknowledgement (~40 ms), which caps a connection at a dozen messages a second.
    private sealed class NoDelayListeners : SmtpServer.Net.EndpointListenerFactory
    {
        public override SmtpServer.Net.IEndpointListener CreateListener(IEndpointDefinition endpointDefinition)
        {
            var listener = new TcpListener(endpointDefinition.Endpoint);
            listener.Server.NoDelay = true;
            listener.Start();
            // The package's listener has no public constructor; it is otherwise used as is.
            return (SmtpServer.Net.IEndpointListener)Activator.CreateInstance(
                typeof(SmtpServer.Net.EndpointListener),
                System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Public,
                binder: null,
                args: [listener, (Action)listener.Stop],
                culture: null)!;
        }
    }

    private sealed class Filter(TestSmtpServer owner) : IMailboxFilter
    {
        public Task<bool> CanAcceptFromAsync(ISessionContext context, SmtpServer.Mail.IMailbox from, int size, CancellationToken cancellationToken) =>
            Task.FromResult(true);

        public Task<bool> CanDeliverToAsync(ISessionContext context, SmtpServer.Mail.IMailbox to, SmtpServer.Mail.IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!owner.RejectedRecipients.ContainsKey($"{to.User}@{to.Host}"));
    }

    private sealed class Store(TestSmtpServer owner) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(
            ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref owner._count);
            if (owner._keepMessages)
            {
                using var stream = new MemoryStream(buffer.ToArray());
                var message = await MimeMessage.LoadAsync(stream, cancellationToken);
                owner._messages.Enqueue(message);
                owner._arrived.Release();
                owner.Received?.Invoke(message);
            }

            return SmtpResponse.Ok;
        }
    }
}
