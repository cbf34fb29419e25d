using Strata.Configuration;
using Strata.Errors;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// An SQLite file whose folder does not exist cannot be right (a typo in DB_PATH or the URL): every command that
/// would open it stops with exit 2 naming the path, the setting it came from and the fix. Strata creates a missing
/// database file on `migrate`, never a missing folder (issue 12).
/// </summary>
internal static class SqliteFolder
{
    /// <summary>Throws (exit 2) when <paramref name="target"/> is an SQLite file in a folder that does not exist.</summary>
    public static void Require(DatabaseTarget target, StrataSettings settings, string workingDirectory)
    {
        if (target.Dialect != Dialect.Sqlite || target.IsInMemory
            || Path.GetDirectoryName(target.ConnectionString) is not { Length: > 0 } folder || Directory.Exists(folder))
        {
            return;
        }

        var origin = settings.Origins.LastOrDefault(o => o.Setting == "database")?.Source ?? "the database setting";
        var relative = Path.GetRelativePath(workingDirectory, folder);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) ? folder : relative;
        throw new ConfigurationException(
            $"the SQLite database {target.DisplayName} (from {origin}) is in a folder that does not exist: {shown}/; nothing was created",
            $"create the folder (`mkdir -p {shown}`) and run again (`strata migrate` then creates the file), or fix the path in {origin}");
    }
}
