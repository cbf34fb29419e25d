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
        var named = FindMigrationFiles(folder, problems);
        var loaded = new LoadedFile[named.Count];
        var fileProblems = new List<Problem>[named.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };

        // Files are small and usually in the page cache: synchronous reads on a few pool threads beat one async
        // read per file, and lexing is CPU work anyway.
        await Task.Run(
            () => Parallel.For(0, named.Count, options, i => (loaded[i], fileProblems[i]) = Load(named[i], flavor)),
            cancellationToken).ConfigureAwait(false);
        foreach (var list in fileProblems)
        {
            problems.AddRange(list);
        }

        var migrations = MigrationAssembler.Assemble(loaded, problems);
        return problems.Count == 0 ? migrations : throw new MigrationSourceException(problems);
    }

    /// <summary>The validly named files of the folder, sorted by name; misnamed candidates become problems.</summary>
    private List<(MigrationFileName Name, string FullPath)> FindMigrationFiles(string folder, List<Problem> problems)
    {
        var result = new List<(MigrationFileName, string)>();
        var entries = new DirectoryInfo(folder).GetFileSystemInfos().OrderBy(e => e.Name, StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (entry is DirectoryInfo)
            {
                if (MigrationFileName.IsCandidate(entry.Name))
                {
                    problems.Add(new Problem(DisplayPath.For(entry.FullName, _displayBase), "is a folder named like a migration; migrations are files directly in the migrations folder (subfolders are not read)"));
                }
            }
            else if (MigrationFileName.TryParse(entry.Name, out var name, out var problem))
            {
                result.Add((name, entry.FullName));
            }
            else if (problem is not null)
            {
                problems.Add(new Problem(DisplayPath.For(entry.FullName, _displayBase), problem));
            }
        }

        return result;
    }

    private (LoadedFile File, List<Problem> Problems) Load((MigrationFileName Name, string FullPath) file, SqlFlavor flavor)
    {
        var path = DisplayPath.For(file.FullPath, _displayBase);
        var problems = new List<Problem>();
        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(file.FullPath);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(path, $"cannot be read: {e.Message}"));
            return (new LoadedFile(file.Name, path, null, null), problems);
        }

        if (!ScriptDecoder.TryDecode(bytes, out var script, out var decodeProblem))
        {
            problems.Add(new Problem(path, decodeProblem));
            return (new LoadedFile(file.Name, path, null, null), problems);
        }

        var found = new List<FileProblem>();
        var parsed = MigrationFileParser.Parse(script, file.Name, flavor, found);
        AddLocated(path, script.Text, found, problems);
        return (new LoadedFile(file.Name, path, script, parsed), problems);
    }

    /// <summary>Turns offsets into <c>path:line:column</c> locations (whole-file problems get the path alone), in text order.</summary>
    private static void AddLocated(string path, string text, List<FileProblem> found, List<Problem> problems)
    {
        var cursor = new PositionCursor(text);
        foreach (var problem in found.OrderBy(p => p.Offset))
        {
            if (problem.Offset < 0)
            {
                problems.Add(new Problem(path, problem.Message));
                continue;
            }

            var (line, column) = cursor.MoveTo(problem.Offset);
            problems.Add(new Problem($"{path}:{line}:{column}", problem.Message));
        }
    }
}
