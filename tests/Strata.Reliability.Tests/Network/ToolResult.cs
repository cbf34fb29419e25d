namespace Strata.Reliability.Tests.Network;

/// <summary>What a host tool (ip, nft, psql, openssl) returned: its exit code and stdout plus stderr.</summary>
internal sealed record ToolResult(int ExitCode, string Output);
