using Strata.Errors;
using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// The streamed path of <see cref="MigrationFileLoader"/>, for files above the streaming threshold: decodes,
/// checksums and parses the file in one pass without holding it (<see cref="CanonicalTextReader"/>,
/// <see cref="StreamedFileParser"/>), and produces sections that read the file again when they run
/// (<see cref="SectionTextReader"/>). Same problems, checksum and sections as the in-memory path.
/// </summary>
internal static class StreamedFileLoader
{
    public static (LoadedFile File, List<Problem> Problems) Load(MigrationFileName name, MigrationFileEntry entry, Dialect dialect, int chunk)
    {
        var path = entry.DisplayPath;
        var problems = new List<Problem>();
        string? checksum;
        StreamedParse parse;
        try
        {
            using var text = new CanonicalTextReader(entry.Open());
            parse = StreamedFileParser.Parse(text, () => new CanonicalTextReader(entry.Open()), name, dialect, chunk);
            HugeMemory.CollectIfDropped();
            checksum = text.Finish(out var decodeProblem);
            if (decodeProblem is not null)
            {
                problems.Add(new Problem(path, decodeProblem));
                return (new LoadedFile(name, path, null, null), problems);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            problems.Add(new Problem(path, $"cannot be read: {e.Message}"));
            return (new LoadedFile(name, path, null, null), problems);
        }

        foreach (var problem in parse.Problems)
        {
            problems.Add(new Problem(problem.Offset < 0 ? path : $"{path}:{problem.Line}:{problem.Column}", problem.Message));
        }

        var parsed = problems.Count > 0 ? null : new ParsedMigrationFile(Section(entry, parse.Up), parse.Down is { } down ? Section(entry, down) : null, parse.Environments);
        return (new LoadedFile(name, path, checksum, parsed), problems);
    }

    private static ScriptSection Section(MigrationFileEntry entry, StreamedSection section) =>
        new("", section.FirstLine, section.Transactional, () => Open(entry, section), section.StatementCount, section.OwnTransactions);

    private static TextReader Open(MigrationFileEntry entry, StreamedSection section)
    {
        var text = new SectionTextReader(entry.Open, entry.DisplayPath, section.FirstLine, section.EndLine);
        return section.Blank.Count == 0 ? text : new BlankingTextReader(text, section.FirstLine, section.Blank);
    }
}
