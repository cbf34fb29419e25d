using System.Net;
using System.Net.Sockets;

namespace Strata.Hosting.Tests.Sample;

/// <summary>
/// A loopback port that refuses connections: bound (so nothing else can take it while the test runs) but not
/// listening. Stands for a database server that is down.
/// </summary>
public sealed class ClosedPort : IDisposable
{
    private readonly Socket _socket = new(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);

    public ClosedPort()
    {
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public void Dispose() => _socket.Dispose();
}
