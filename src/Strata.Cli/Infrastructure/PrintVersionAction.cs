using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Strata.Cli.Infrastructure;

/// <summary><c>strata --version</c>: the CLI's own version (not the host process's, which differs in tests).</summary>
internal sealed class PrintVersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(PrintVersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(PrintVersionAction).Assembly.GetName().Version?.ToString(3)
        ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        ArgumentNullException.ThrowIfNull(parseResult);
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
