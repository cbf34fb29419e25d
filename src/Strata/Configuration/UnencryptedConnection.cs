namespace Strata.Configuration;

/// <summary>A connection that may go over the network without TLS (<see cref="IConnectionSyntax.Unencrypted"/>).</summary>
/// <param name="Host">The first non-loopback host, as configured.</param>
/// <param name="Mode">The TLS mode in lower case (<c>prefer</c>), or <c>not set</c>.</param>
public sealed record UnencryptedConnection(string Host, string Mode);
