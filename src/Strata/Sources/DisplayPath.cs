namespace Strata.Sources;

/// <summary>Paths as users see them in messages: relative to the working directory when under it, with forward slashes.</summary>
internal static class DisplayPath
{
    public static string For(string path, string? baseDirectory = null)
    {
        var full = Path.GetFullPath(path);
        var relative = Path.GetRelativePath(baseDirectory ?? Environment.CurrentDirectory, full);
        var shown = relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative)
            ? full
            : relative;
        return shown.Replace('\\', '/');
    }
}
