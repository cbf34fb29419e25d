using System.Diagnostics;

namespace Strata.TestSupport;

/// <summary>
/// The built CLI (<c>dotnet Strata.Cli.dll</c>) run as a real OS process with its own working directory and
/// environment: the test process's database variables are removed, so only what a test passes reaches it.
/// Dispose kills it (and its children) if it is still running.
/// </summary>
public sealed class StrataProcess : IDisposable
{
    private static readonly Lazy<string> Assembly = new(FindCliAssembly);
    private static readonly Lazy<string> Host = new(FindDotnetHost);

    private readonly Process _process;
    private readonly Stopwatch _clock;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private StrataProcess(Process process, Stopwatch clock)
    {
        _process = process;
        _clock = clock;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>The OS process id.</summary>
    public int Id => _process.Id;

    /// <summary>True once the process has ended.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>From just before the start until the exit was seen (or until now while it runs).</summary>
    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>The full path of <c>Strata.Cli.dll</c> these processes run.</summary>
    public static string CliAssembly => Assembly.Value;

    /// <summary>Starts <c>dotnet Strata.Cli.dll args…</c> in <paramref name="workingDirectory"/> with <paramref name="variables"/> set.</summary>
    public static StrataProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] args) =>
        StartVia([], workingDirectory, variables, args);

    /// <summary>
    /// Like <see cref="Start"/>, but through <paramref name="launcher"/>, a command that runs the rest of its command
    /// line, e.g. <c>ip netns exec ns</c> to run strata inside a network namespace. The launcher must exec (or wait
    /// for) the program so that killing the process tree ends strata too.
    /// </summary>
    public static StrataProcess StartVia(IReadOnlyList<string> launcher, string workingDirectory, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var info = new ProcessStartInfo(launcher.Count > 0 ? launcher[0] : Host.Value)
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = System.Text.Encoding.UTF8,
            StandardErrorEncoding = System.Text.Encoding.UTF8,
        };
        if (launcher.Count > 0)
        {
            foreach (var part in launcher.Skip(1))
            {
                info.ArgumentList.Add(part);
            }

            info.ArgumentList.Add(Host.Value);
        }

        info.ArgumentList.Add(CliAssembly);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        foreach (var name in info.Environment.Keys.Where(IsDatabaseVariable).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        var clock = Stopwatch.StartNew();
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + Host.Value);
        process.StandardInput.Close();
        return new StrataProcess(process, clock);
    }

    /// <summary>Runs one command to completion (killed after <paramref name="timeout"/>, default 60 s).</summary>
    public static async Task<CliResult> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> variables, TimeSpan? timeout, params string[] args)
    {
        using var process = Start(workingDirectory, variables, args);
        return await process.WaitAsync(timeout ?? TimeSpan.FromSeconds(60));
    }

    /// <summary>Waits for the exit and returns what it printed; kills it and fails when it runs longer than <paramref name="timeout"/>.</summary>
    public async Task<CliResult> WaitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            var partial = new CliResult(-1, await _stdout, await _stderr);
            throw new TimeoutException($"strata (pid {Id}) did not finish within {timeout.TotalSeconds:0} s and was killed\n{partial}");
        }

        _clock.Stop();
        return new CliResult(_process.ExitCode, await _stdout, await _stderr);
    }

    /// <summary>Kills the process tree and waits until it is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    private static bool IsDatabaseVariable(string name) =>
        name is "DATABASE_URL" or "DB_PATH" or "NO_COLOR"
        || name.StartsWith("PG", StringComparison.Ordinal)
        || name.StartsWith("POSTGRES_", StringComparison.Ordinal)
        || name.StartsWith("STRATA_", StringComparison.Ordinal);

    /// <summary>Next to the test assembly (the project reference copies it), else the CLI project's own output.</summary>
    private static string FindCliAssembly()
    {
        var beside = Path.Combine(AppContext.BaseDirectory, "Strata.Cli.dll");
        if (File.Exists(beside) && File.Exists(Path.ChangeExtension(beside, ".runtimeconfig.json")))
        {
            return beside;
        }

        var bin = Path.Combine(RepositoryPaths.Root(), "src", "Strata.Cli", "bin");
        var built = Directory.Exists(bin)
            ? Directory.GetFiles(bin, "Strata.Cli.dll", SearchOption.AllDirectories).OrderByDescending(File.GetLastWriteTimeUtc).FirstOrDefault()
            : null;
        return built ?? throw new InvalidOperationException($"Strata.Cli.dll is neither in {AppContext.BaseDirectory} nor under {bin}; build src/Strata.Cli first");
    }

    /// <summary>The <c>dotnet</c> host that runs this test process, else the one on PATH.</summary>
    private static string FindDotnetHost()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath })
        {
            if (candidate is not null && File.Exists(candidate) && Path.GetFileNameWithoutExtension(candidate) == "dotnet")
            {
                return candidate;
            }
        }

        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet"))
            .FirstOrDefault(File.Exists);
        return onPath ?? throw new InvalidOperationException("cannot find the dotnet host (DOTNET_HOST_PATH or dotnet on PATH)");
    }
}
