using System.IO.Enumeration;
using Strata.Errors;
using Strata.Sources.Layouts;

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
    private FileLimits _limits = FileLimits.Default;

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
    /// How the folder is laid out: <see cref="MigrationLayout.Strata"/> (the default) or another tool's layout, read
    /// in place (strata.json <c>"layout"</c>). Files of another layout are read whole (never streamed).
    /// </summary>
    public MigrationLayout Layout { get; init; } = MigrationLayout.Strata;

    /// <summary>True to recognise the layout from the folder's files (strata.json <c>"layout": "auto"</c>); Strata's own when none matches.</summary>
    public bool DetectLayout { get; init; }

    /// <summary>
    /// Files larger than this many bytes are streamed: validated, checksummed and parsed in one pass without being
    /// held in memory, and read again statement by statement when they run (default 8 MiB; 0 streams every file).
    /// Set by callers that want a different trade-off; the result is the same either way.
    /// </summary>
    public long StreamingThreshold
    {
        get => _limits.StreamingThreshold;
        init => _limits = _limits with { StreamingThreshold = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the streaming threshold is a number of bytes, 0 or more") };
    }

    /// <summary>
    /// When set, a file larger than this many bytes is reported as a problem of the folder (so the load throws
    /// <see cref="MigrationSourceException"/>) before anything of it is read; null (the default) allows any size.
    /// The CLI sets it from <c>--max-file-size</c>.
    /// </summary>
    public long? MaxFileSize
    {
        get => _limits.MaxFileSize;
        init => _limits = _limits with { MaxFileSize = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the maximum file size is a number of bytes, more than 0") };
    }

    /// <summary>
    /// Loads every migration: versioned ones by numeric version, then repeatables by name. Throws
    /// <see cref="ConfigurationException"/> when the folder does not exist, and <see cref="MigrationSourceException"/>
    /// listing every problem found (misnamed files, duplicate versions, unreadable or invalid text, bad directives,
    /// psql-only commands) when there is any.
    /// </summary>
    public async Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(_directory);
        if (!Directory.Exists(folder))
        {
            var what = File.Exists(folder) ? "is a file, not a folder" : "does not exist";
            throw new ConfigurationException($"migrations folder '{DisplayPath.For(folder, _displayBase)}' {what}", "run `strata init` or pass --migrations <dir>");
        }

        var problems = new List<Problem>();
        var layout = DetectLayout ? LayoutDetector.Detect(folder) ?? MigrationLayout.Strata : Layout;
        if (layout != MigrationLayout.Strata)
        {
            var found = LayoutReaders.Read(layout, folder, dialect, problems);
            return await Task.Run(() => LayoutLoader.Build(found, problems, dialect, _displayBase), cancellationToken).ConfigureAwait(false);
        }

        var files = DialectVariants.Select(ListFiles(folder, problems), dialect);
        IReadOnlyList<Migration> migrations;
        try
        {
            migrations = await MigrationFileLoader.LoadAsync(files, problems, dialect, _limits, cancellationToken).ConfigureAwait(false);
        }
        catch (MigrationSourceException e) when (LayoutDetector.Detect(folder) is { } other)
        {
            throw new MigrationSourceException([LayoutHint(folder, other), .. e.Problems], e.Readable);
        }

        // Valid Strata names holding another tool's up/down markers would run their down section as part of the up.
        return LayoutDetector.MarkerLayout(migrations) is { } marker
            ? throw new MigrationSourceException([LayoutHint(folder, marker)], migrations)
            : migrations;
    }

    /// <summary>The full path of a migration's <see cref="Migration.SourcePath"/> (shown relative to the display base).</summary>
    internal string FullPath(string sourcePath) => Path.GetFullPath(sourcePath, _displayBase ?? Environment.CurrentDirectory);

    private Problem LayoutHint(string folder, MigrationLayout layout) => new(DisplayPath.For(folder, _displayBase),
        $"these files are laid out the way {LayoutReaders.ToolName(layout)} writes them; to read them in place set \"layout\": \"{LayoutReaders.NameOf(layout)}\" in strata.json (or \"auto\" to detect it)");

    /// <summary>
    /// The files at the top level of the folder; subfolders named like migrations become problems. Listing reads the
    /// folder's entries only (names and types, no per-file stat): each file's size is learnt when it is read.
    /// </summary>
    private List<MigrationFileEntry> ListFiles(string folder, List<Problem> problems)
    {
        var files = new List<MigrationFileEntry>();
        var entries = new FileSystemEnumerable<(string Name, string FullName, bool IsDirectory)>(
            folder,
            (ref FileSystemEntry entry) => (entry.FileName.ToString(), entry.ToFullPath(), entry.IsDirectory),
            new EnumerationOptions { AttributesToSkip = 0, IgnoreInaccessible = false, RecurseSubdirectories = false });
        foreach (var (name, fullName, isDirectory) in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (!isDirectory)
            {
                files.Add(new MigrationFileEntry(name, DisplayPath.For(fullName, _displayBase), limit => MigrationFileReader.Read(fullName, limit), UnchangedFile.Opener(fullName)));
            }
            else if (MigrationFileName.IsCandidate(name))
            {
                problems.Add(new Problem(DisplayPath.For(fullName, _displayBase), "is a folder named like a migration; migrations are files directly in the migrations folder (subfolders are not read)"));
            }
        }

        return files;
    }
}
