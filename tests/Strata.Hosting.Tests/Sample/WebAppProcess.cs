using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Strata.Hosting.Tests.Sample;

/// <summary>
/// The WebApp sample run as a real process (<c>dotnet WebApp.dll</c> from the sample's own build output) on a free
/// loopback port, in a working folder of the test's, with only the variables the test passes (the test process's
/// database and ASP.NET Core variables are removed). Dispose kills it if it still runs.
/// </summary>
public sealed class WebAppProcess : IDisposable
{
    private static readonly Lazy<string> Assembly = new(FindAssembly);

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly HttpClient _http;

    private WebAppProcess(Process process, int port)
    {
        _process = process;
        Port = port;
        _http = new HttpClient(new SocketsHttpHandler { ConnectTimeout = TimeSpan.FromSeconds(2), PooledConnectionLifetime = TimeSpan.Zero })
        {
            BaseAddress = new Uri($"http://127.0.0.1:{port}"),
            Timeout = TimeSpan.FromSeconds(10),
        };
        Clock = Stopwatch.StartNew();
        process.OutputDataReceived += (_, e) => Append(e.Data);
        process.ErrorDataReceived += (_, e) => Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
    }

    public int Port { get; }

    /// <summary>The PORT variable the process was given.</summary>
    public int PortVariable { get; private init; }

    /// <summary>Started just after the process.</summary>
    public Stopwatch Clock { get; }

    /// <summary>Everything the process printed so far (stdout and stderr, one line each).</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The sample's folder of SQL migrations as built (copied next to WebApp.dll).</summary>
    public static string BuiltMigrations => Path.Combine(Path.GetDirectoryName(Assembly.Value)!, "migrations");

    /// <summary>
    /// Starts the sample with <paramref name="variables"/> (e.g. DATABASE_URL) set and PORT a free port, which this
    /// object talks to unless <paramref name="servePort"/> says the app was told (by ASPNETCORE_URLS or --urls in
    /// <paramref name="arguments"/>) to listen elsewhere.
    /// </summary>
    public static WebAppProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> variables, IReadOnlyList<string>? arguments = null, int? servePort = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        info.ArgumentList.Add(Assembly.Value);
        foreach (var argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(IsSteeringVariable).ToList())
        {
            info.Environment.Remove(name);
        }

        info.Environment["PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (name, value) in variables)
        {
            info.Environment[name] = value;
        }

        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start " + info.FileName);
        process.StandardInput.Close();
        return new WebAppProcess(process, servePort ?? port) { PortVariable = port };
    }

    /// <summary>GETs <paramref name="path"/>: the status and body, or null when the port refuses the connection.</summary>
    public async Task<(HttpStatusCode Status, string Body)?> TryGetAsync(string path)
    {
        try
        {
            using var response = await _http.GetAsync(path);
            return (response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (HttpRequestException e) when (e.InnerException is SocketException or IOException || e.HttpRequestError == HttpRequestError.ConnectionError)
        {
            return null;
        }
    }

    /// <summary>GETs <paramref name="path"/> from a serving app; fails with the output when it does not answer.</summary>
    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path) =>
        await TryGetAsync(path) ?? throw new InvalidOperationException($"the sample did not answer {path}\n{Output}");

    /// <summary>Polls <c>/health</c> until the app answers; fails with the output when it exits or takes longer than <paramref name="timeout"/>.</summary>
    public async Task WaitUntilServingAsync(TimeSpan timeout)
    {
        while (await TryGetAsync("/health") is null)
        {
            if (_process.HasExited || Clock.Elapsed > timeout)
            {
                throw new InvalidOperationException($"the sample is not serving after {Clock.Elapsed.TotalSeconds:0.0} s (exited: {_process.HasExited})\n{Output}");
            }

            await Task.Delay(50);
        }
    }

    /// <summary>Waits for the process to end and returns its exit code; kills it and fails after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            Kill();
            throw new TimeoutException($"the sample did not exit within {timeout.TotalSeconds:0} s and was killed\n{Output}");
        }

        _process.WaitForExit();
        return _process.ExitCode;
    }

    public void Dispose()
    {
        Kill();
        _http.Dispose();
        _process.Dispose();
    }

    private void Kill()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        _process.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    /// <summary>A loopback port nothing listens on right now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool IsSteeringVariable(string name) =>
        name is "DATABASE_URL" or "PORT" or "MIGRATIONS_PATH" or "DOTNET_ENVIRONMENT"
        || name.StartsWith("PG", StringComparison.Ordinal)
        || name.StartsWith("ASPNETCORE_", StringComparison.Ordinal)
        || name.StartsWith("STRATA", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("Logging__", StringComparison.OrdinalIgnoreCase);

    /// <summary>The sample's own output folder of the test's configuration (bin/Debug or bin/Release), built by the project reference.</summary>
    private static string FindAssembly()
    {
        var testOutput = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var framework = testOutput.Name;
        var configuration = testOutput.Parent!.Name;
        var root = testOutput;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Strata.slnx")))
        {
            root = root.Parent;
        }

        var built = root is null ? null : Path.Combine(root.FullName, "samples", "WebApp", "bin", configuration, framework, "WebApp.dll");
        return built is not null && File.Exists(built)
            ? built
            : throw new InvalidOperationException($"WebApp.dll is not built at {built ?? "(no Strata.slnx above " + testOutput.FullName + ")"}; build tests/Strata.Hosting.Tests");
    }

    /// <summary>The <c>dotnet</c> host that runs this test process, else the one on PATH.</summary>
    private static string DotnetHost()
    {
        foreach (var candidate in new[] { Environment.GetEnvironmentVariable("DOTNET_HOST_PATH"), Environment.ProcessPath })
        {
            if (candidate is not null && File.Exists(candidate) && Path.GetFileNameWithoutExtension(candidate) == "dotnet")
            {
                return candidate;
            }
        }

        return (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, "dotnet"))
            .FirstOrDefault(File.Exists) ?? throw new InvalidOperationException("cannot find the dotnet host (DOTNET_HOST_PATH or dotnet on PATH)");
    }
}
