using Strata.Errors;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// Migrations from a folder of SQL files (top level only; see <see cref="MigrationFileName"/> for the names and
/// which files are ignored). Created by the CLI and the library with the configured migrations folder; loads
/// before any database is touched and reports every problem of the folder at once.
/// </summary>
public sealed class DirectoryMigrationSource : IMigrationSource
{
    private readonly string _directory;
    private readonly string? _displayBase;

    /// <summary>
    /// Reads migrations from <paramref name="directory"/>. Paths in messages are shown relative to
    /// <paramref name="displayBase"/> (default: the current directory) when under it.
    /// </summary>
    public DirectoryMigrationSource(string directory, string? displayBase = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
        _displayBase = displayBase;
    }

    /// <summary>
    /// Loads every migration: versioned ones by numeric version, then repeatables by name. Throws
    /// <see cref="ConfigurationException"/> when the folder does not exist, and <see cref="MigrationSourceException"/>
    /// listing every problem found (misnamed files, duplicate versions, unreadable or invalid text, bad directives,
    /// psql-only commands) when there is any.
    /// </summary>
    public async Task<IReadOnlyList<Migration>> LoadAsync(SqlFlavor flavor, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(_directory);
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
            throw new ConfigurationException($"migrations folder '{DisplayPath.For(folder, _displayBase)}' {what}", "run `strata init` or pass --migrations <dir>");
        }

        var problems = new List<Problem>();
        var files = ListFiles(folder, problems);
        return await MigrationFileLoader.LoadAsync(files, problems, flavor, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The files at the top level of the folder; subfolders named like migrations become problems.</summary>
    private List<MigrationFileEntry> ListFiles(string folder, List<Problem> problems)
    {
        var files = new List<MigrationFileEntry>();
        var entries = new DirectoryInfo(folder).GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var fullName = entry.FullName;
            if (entry is not DirectoryInfo)
            {
                files.Add(new MigrationFileEntry(entry.Name, DisplayPath.For(fullName, _displayBase), () => File.ReadAllBytes(fullName)));
            }
            else if (MigrationFileName.IsCandidate(entry.Name))
            {
                problems.Add(new Problem(DisplayPath.For(fullName, _displayBase), "is a folder named like a migration; migrations are files directly in the migrations folder (subfolders are not read)"));
            }
        }

        return files;
    }
}
