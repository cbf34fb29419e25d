using System.Security.Cryptography;
using System.Text;

namespace Strata.Packaging.Tests.Packages;

/// <summary>
/// Packs every project under <c>src</c> once for the tests of the Packages collection: a copy of the checkout
/// (without bin/obj, so the checkout's own build output is never touched) is packed in Release with a version
/// suffix unique to this run, so an install can never pick up a package cached by an earlier run of other code.
/// The pack includes the CLI's native AOT package for this machine, the one native compile of the test suite; the
/// tool installed from it (<see cref="InstalledTool"/>) serves every test that runs the native executable.
/// Everything lives in one temp folder, deleted afterwards.
/// </summary>
public sealed class PackedSources : IAsyncLifetime
{
    // Most of it is the native compile: about two minutes on two quiet cores, over twenty on a machine loaded 30-fold
    // (seen here). Only a safety net for a hung pack, not a performance check.
    private static readonly TimeSpan PackTimeout = TimeSpan.FromMinutes(60);
    private static readonly TimeSpan InstallTimeout = TimeSpan.FromMinutes(2);
    private readonly Lazy<string> _installed;

    public PackedSources() => _installed = new Lazy<string>(() => Install("tools"));

    /// <summary>The temp folder holding the copy, the packages and whatever the tests add.</summary>
    public string TempRoot { get; } = Path.Combine(Path.GetTempPath(), "strata-pack-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(5)));

    /// <summary>The folder the .nupkg and .snupkg files were written to.</summary>
    public string PackageFolder => Path.Combine(TempRoot, "packages");

    /// <summary>The version every package was packed with: the checkout's VersionPrefix and this run's suffix.</summary>
    public string Version { get; private set; } = "";

    /// <summary>The version suffix of this run.</summary>
    public string VersionSuffix { get; } = "ptest-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));

    /// <summary>The output of <c>dotnet pack</c>, for the warning check.</summary>
    internal ProcessResult PackOutput { get; private set; } = new("", -1, "");

    /// <summary>Copies the checkout and packs it; throws with the pack output when packing fails.</summary>
    public Task InitializeAsync()
    {
        var copy = Path.Combine(TempRoot, "repo");
        CopyCheckout(RepositoryRoot.Path, copy);
        var solution = WritePackSolution(copy);
        PackOutput = ChildProcess.Run(
            ChildProcess.Dotnet,
            ["pack", solution, "-c", "Release", "-o", PackageFolder, "--version-suffix", VersionSuffix, "--disable-build-servers"],
            copy,
            new Dictionary<string, string>(),
            PackTimeout);
        if (PackOutput.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet pack of the src projects failed:\n" + PackOutput.Describe());
        }

        // Strata.Cli.<version>.nupkg, the pointer package (Strata.Cli.linux-x64.<version> and Strata.Cli.any.<version> are what it points to).
        var cli = Directory.GetFiles(PackageFolder, "Strata.Cli.*.nupkg").SingleOrDefault(p => char.IsAsciiDigit(Path.GetFileName(p)["Strata.Cli.".Length]))
            ?? throw new InvalidOperationException($"dotnet pack wrote no Strata.Cli package to {PackageFolder}:\n{PackOutput.Describe()}");
        Version = Path.GetFileNameWithoutExtension(cli)["Strata.Cli.".Length..];
        return Task.CompletedTask;
    }

    /// <summary>
    /// The folder of a <c>dotnet tool install Strata.Cli --tool-path</c> from this run's packages (installed on first
    /// use, once): it holds the <c>strata</c> command.
    /// </summary>
    public string InstalledTool => _installed.Value;

    /// <summary>
    /// <c>dotnet tool install Strata.Cli --tool-path ... --add-source ... --version ...</c> into a new folder under
    /// the run's temp folder, with NuGet's package and HTTP caches there too (the configured feeds stay reachable but
    /// cannot hold this version); returns the folder. Throws with the output when the install fails.
    /// </summary>
    public string Install(string folderName)
    {
        var tools = Path.Combine(TempRoot, folderName + "-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4)));
        var nuget = new Dictionary<string, string>
        {
            ["NUGET_PACKAGES"] = Path.Combine(TempRoot, "nuget-packages"),
            ["NUGET_HTTP_CACHE_PATH"] = Path.Combine(TempRoot, "nuget-http-cache"),
        };
        var install = ChildProcess.Run(
            ChildProcess.Dotnet,
            ["tool", "install", "Strata.Cli", "--tool-path", tools, "--add-source", PackageFolder, "--version", Version, "--ignore-failed-sources"],
            TempRoot,
            nuget,
            InstallTimeout);
        if (install.ExitCode != 0)
        {
            throw new InvalidOperationException("dotnet tool install of the packed Strata.Cli failed:\n" + install.Describe());
        }

        return tools;
    }

    /// <summary>The path of a package this run produced (it may not exist; the tests check).</summary>
    public string PackagePath(string id, string extension = ".nupkg") => Path.Combine(PackageFolder, $"{id}.{Version}{extension}");

    /// <summary>Deletes the temp folder.</summary>
    public Task DisposeAsync()
    {
        if (Directory.Exists(TempRoot))
        {
            Directory.Delete(TempRoot, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>The files at the checkout's top level (props, global.json, .editorconfig) and the whole of src.</summary>
    private static void CopyCheckout(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        CopyTree(Path.Combine(from, "src"), Path.Combine(to, "src"));
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }

        foreach (var folder in Directory.GetDirectories(from))
        {
            var name = Path.GetFileName(folder);
            if (name is not ("bin" or "obj" or "TestResults"))
            {
                CopyTree(folder, Path.Combine(to, name));
            }
        }
    }

    /// <summary>A solution of every project under src, so one <c>dotnet pack</c> builds them in parallel.</summary>
    private static string WritePackSolution(string copy)
    {
        var solution = new StringBuilder("<Solution>\n");
        foreach (var csproj in Directory.GetFiles(Path.Combine(copy, "src"), "*.csproj", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            solution.Append("  <Project Path=\"").Append(Path.GetRelativePath(copy, csproj).Replace('\\', '/')).Append("\" />\n");
        }

        var path = Path.Combine(copy, "packages.slnx");
        File.WriteAllText(path, solution.Append("</Solution>\n").ToString());
        return path;
    }
}
