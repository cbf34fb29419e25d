using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// A loopback TCP port that stands in for a PostgreSQL server and only counts who connects (each connection is
/// closed at once, so a client that did connect fails with "cannot connect", exit 5). Scenarios that must fail
/// "before connecting to the database" point DATABASE_URL here and check <see cref="Connections"/> stays 0.
/// </summary>
internal sealed class ConnectionRecorder : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    public ConnectionRecorder()
    {
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _accepting = Task.Run(AcceptAsync);
    }

    /// <summary>The port the recorder listens on.</summary>
    public int Port { get; }

    /// <summary>How many TCP connections were accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>A PostgreSQL URL to this port, with <paramref name="password"/> (percent-encoded) when given.</summary>
    public string Url(string? password = null) =>
        $"postgres://app{(password is null ? "" : ":" + Uri.EscapeDataString(password))}@127.0.0.1:{Port.ToString(CultureInfo.InvariantCulture)}/appdb";

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // The listener was stopped under the pending accept: that is how the loop ends.
        }

        _listener.Dispose();
        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            Interlocked.Increment(ref _connections);
        }
    }
}
