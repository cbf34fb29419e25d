namespace Strata.TestSupport;

/// <summary>Where the repository is, found from the test assembly's folder (no fixed paths).</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>Strata.slnx</c>.</summary>
    public static string Root()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("cannot find the repository root (Strata.slnx) above " + AppContext.BaseDirectory);
    }
}
