namespace Strata.Cli.Output.Lint;

/// <summary>
/// Where SARIF results point: <c>%SRCROOT%</c> is the root of the git repository holding the working directory (or
/// the working directory outside one), given as an absolute <c>file:</c> URI in the run's <c>originalUriBaseIds</c>,
/// and each file is a relative URI under it, so code scanning matches results to repository files even when the
/// migrations were named as <c>-m ../db</c>. A file outside the root gets an absolute <c>file:</c> URI and no base.
/// </summary>
internal sealed class SarifLocations
{
    public const string BaseId = "%SRCROOT%";

    private readonly string _workingDirectory;

    public SarifLocations(string workingDirectory)
    {
        _workingDirectory = Path.GetFullPath(workingDirectory);
        Root = RepositoryRoot(_workingDirectory) ?? _workingDirectory;
    }

    /// <summary>The directory <c>%SRCROOT%</c> stands for.</summary>
    public string Root { get; }

    /// <summary><see cref="Root"/> as an absolute file URI ending in a slash, as SARIF wants for a base.</summary>
    public string RootUri => new Uri(Path.TrimEndingDirectorySeparator(Root) + Path.DirectorySeparatorChar).AbsoluteUri;

    /// <summary>The URI of <paramref name="file"/> (as lint shows it: relative to the working directory, or absolute), and whether it is relative to <see cref="BaseId"/>.</summary>
    public (string Uri, bool Relative) Of(string file)
    {
        var full = Path.GetFullPath(Path.Combine(_workingDirectory, file));
        var relative = Path.GetRelativePath(Root, full);
        if (relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
        {
            return (new Uri(full).AbsoluteUri, false);
        }

        var segments = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar).Select(Uri.EscapeDataString);
        return (string.Join('/', segments), true);
    }

    private static string? RepositoryRoot(string directory)
    {
        for (var current = new DirectoryInfo(directory); current is not null; current = current.Parent)
        {
            if (Directory.Exists(Path.Combine(current.FullName, ".git")) || File.Exists(Path.Combine(current.FullName, ".git")))
            {
                return current.FullName;
            }
        }

        return null;
    }
}
