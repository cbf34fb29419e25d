using Strata.Errors;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// The one pipeline of every SQL file source: name parsing, decoding, parsing and assembly into
/// <see cref="Migration"/>s. Called by <see cref="DirectoryMigrationSource"/> and <see cref="EmbeddedMigrationSource"/>
/// with the entries they found; collects the problems of every file and throws them together.
/// </summary>
internal static class MigrationFileLoader
{
    /// <summary>
    /// Loads <paramref name="entries"/> (any order; names that are not migration candidates are ignored). Problems the
    /// source found itself go in <paramref name="problems"/> first. Returns the migrations, versioned by numeric
    /// version then repeatables by name; throws <see cref="MigrationSourceException"/> when any problem was found.
    /// </summary>
    public static async Task<IReadOnlyList<Migration>> LoadAsync(
        IEnumerable<MigrationFileEntry> entries, List<Problem> problems, Dialect dialect, FileLimits limits, CancellationToken cancellationToken)
    {
        var named = ParseNames(entries, problems);
        var loaded = new LoadedFile[named.Count];
        var fileProblems = new List<Problem>[named.Count];
        var options = new ParallelOptions { CancellationToken = cancellationToken };

        // Files are small and usually in the page cache (or mapped with the assembly): synchronous reads on a few
        // pool threads beat one async read per file, and lexing is CPU work anyway. Large files are streamed.
        await Task.Run(
            () => Parallel.For(0, named.Count, options, i => (loaded[i], fileProblems[i]) = Load(named[i], dialect, limits)),
            cancellationToken).ConfigureAwait(false);
        foreach (var list in fileProblems)
        {
            problems.AddRange(list);
        }

        var migrations = MigrationAssembler.Assemble(loaded, problems);
        return problems.Count == 0 ? migrations : throw new MigrationSourceException(problems, MigrationAssembler.Readable(loaded, migrations));
    }

    /// <summary>The validly named entries, sorted by name; misnamed candidates become problems, the rest are ignored.</summary>
    private static List<(MigrationFileName Name, MigrationFileEntry Entry)> ParseNames(IEnumerable<MigrationFileEntry> entries, List<Problem> problems)
    {
        var result = new List<(MigrationFileName, MigrationFileEntry)>();
        foreach (var entry in entries.OrderBy(e => e.Name, StringComparer.Ordinal))
        {
            if (MigrationFileName.TryParse(entry.Name, out var name, out var problem))
            {
                result.Add((name, entry));
            }
            else if (problem is not null)
            {
                problems.Add(new Problem(entry.DisplayPath, problem));
            }
        }

        return result;
    }

    private static (LoadedFile File, List<Problem> Problems) Load((MigrationFileName Name, MigrationFileEntry Entry) file, Dialect dialect, FileLimits limits)
    {
        var path = file.Entry.DisplayPath;
        var problems = new List<Problem>();
        FileContent content;
        try
        {
            // One read learns the size and, for a file that is held in memory, takes its bytes: a file above the
            // maximum size or the streaming threshold is left unread here.
            content = file.Entry.Read(limits.InMemoryLimit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(path, $"cannot be read: {e.Message}"));
            return (new LoadedFile(file.Name, path, null, null), problems);
        }

        if (limits.SizeProblem(content.Length) is { } tooLarge)
        {
            problems.Add(new Problem(path, tooLarge));
            return (new LoadedFile(file.Name, path, null, null), problems);
        }

        if (content.Buffer is null)
        {
            return StreamedFileLoader.Load(file.Name, file.Entry, dialect, limits.Chunk);
        }

        if (!ScriptDecoder.TryDecode(content.Bytes, out var script, out var decodeProblem))
        {
            problems.Add(new Problem(path, decodeProblem));
            return (new LoadedFile(file.Name, path, null, null), problems);
        }

        var found = new List<FileProblem>();
        var parsed = MigrationFileParser.Parse(script, file.Name, dialect, found, out var readable);
        AddLocated(path, script.Text, found, problems);
        return (new LoadedFile(file.Name, path, script.Checksum, parsed) { Readable = readable }, problems);
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

            var (line, column) = cursor.MoveTo((int)problem.Offset);
            problems.Add(new Problem($"{path}:{line}:{column}", problem.Message));
        }
    }
}
