using System.Diagnostics;

namespace Strata.Operations;

/// <summary>
/// The folder backups are kept in (strata.json <c>backup.folder</c>, default <c>backups/</c> next to strata.json), and
/// how many of each database's backups are kept (<c>backup.keep</c>, default 10). Called by <c>strata backup</c> and
/// <c>strata migrate --backup</c>, or by an application before it migrates. Only files named as
/// <see cref="BackupFileName"/> names them are listed or pruned.
/// </summary>
public sealed class BackupFolder
{
    /// <summary>How many backups of each database are kept unless configured: 10.</summary>
    public const int DefaultKeep = 10;

    /// <summary>The default folder, relative to strata.json (or the working directory without one).</summary>
    public const string DefaultPath = "backups";

    /// <summary>A folder keeping the newest <paramref name="keep"/> backups of each database (0 keeps every one).</summary>
    public BackupFolder(string path, int keep = DefaultKeep)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentOutOfRangeException.ThrowIfNegative(keep);
        Path = System.IO.Path.GetFullPath(path);
        Keep = keep;
    }

    /// <summary>The folder, absolute; created on the first backup.</summary>
    public string Path { get; }

    /// <summary>How many backups of each database are kept after a new one is written; 0 keeps all.</summary>
    public int Keep { get; }

    /// <summary>
    /// Backs the database up into a new file named after it, <paramref name="now"/> (UTC; null for the clock) and
    /// <paramref name="head"/> (its highest applied version, null when none), then deletes the oldest backups of the same
    /// database beyond <see cref="Keep"/>. The file appears under its name only once complete: a failed backup leaves
    /// nothing, and prunes nothing.
    /// </summary>
    public async Task<BackupResult> CreateAsync(IDatabaseBackup backup, long? head, DateTimeOffset? now = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(backup);
        var created = !Directory.Exists(Path);
        Directory.CreateDirectory(Path);
        var name = BackupFileName.For(backup.DatabaseName, now ?? DateTimeOffset.UtcNow, head, backup.Extension);
        while (File.Exists(System.IO.Path.Combine(Path, name.FileName)))
        {
            name = name with { Sequence = name.Sequence + 1 };
        }

        var path = System.IO.Path.Combine(Path, name.FileName);
        var partial = path + ".partial";
        File.Delete(partial);
        var clock = Stopwatch.StartNew();
        try
        {
            await backup.BackupAsync(partial, cancellationToken).ConfigureAwait(false);
            File.Move(partial, path);
        }
        catch when (created && !Directory.EnumerateFileSystemEntries(Path).Any(e => e != partial))
        {
            // A failed first backup leaves no empty folder behind.
            Directory.Delete(Path, recursive: true);
            throw;
        }
        finally
        {
            if (File.Exists(partial))
            {
                File.Delete(partial);
            }
        }

        var removed = Prune(name.Database, name.Extension);
        return new BackupResult(path, name, new FileInfo(path).Length, clock.Elapsed, removed);
    }

    /// <summary>The backups in the folder, newest first; of one database (as <see cref="BackupFileName.Sanitize"/> writes it) when given.</summary>
    public IReadOnlyList<(string Path, BackupFileName Name)> List(string? database = null)
    {
        if (!Directory.Exists(Path))
        {
            return [];
        }

        return Directory.EnumerateFiles(Path)
            .Select(f => (Path: f, Ok: BackupFileName.TryParse(System.IO.Path.GetFileName(f), out var n), Name: n))
            .Where(f => f.Ok && (database is null || f.Name.Database == database))
            .Select(f => (f.Path, f.Name))
            .OrderByDescending(f => f.Name.TakenAt)
            .ThenByDescending(f => f.Name.Sequence)
            .ToList();
    }

    private List<string> Prune(string database, string extension)
    {
        if (Keep == 0)
        {
            return [];
        }

        var old = List(database).Where(b => b.Name.Extension == extension).Skip(Keep).Select(b => b.Path).ToList();
        foreach (var file in old)
        {
            File.Delete(file);
        }

        return old;
    }
}
