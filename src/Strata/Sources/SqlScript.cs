using Strata.Sql;

namespace Strata.Sources;

/// <summary>
/// A SQL section of a migration file: the up part, the down part, or a whole <c>.up.sql</c>/<c>.down.sql</c>. Small
/// files are held as text (<see cref="Sql"/>); files above the source's streaming threshold are streamed
/// (<see cref="IsStreamed"/>): the script only knows how to read its text again (<see cref="OpenText"/>), so a
/// 300 MB migration never sits in memory.
/// </summary>
public sealed class SqlScript : MigrationScript
{
    private readonly string? _sql;
    private readonly Func<TextReader>? _open;

    /// <summary>Creates a SQL script held as text.</summary>
    /// <param name="sql">The text as written in the file, without a BOM (line ends untouched: the checksum normalises them, execution does not).</param>
    /// <param name="sourcePath">The file it came from, for messages.</param>
    /// <param name="firstLine">The 1-based line of the file on which <paramref name="sql"/> starts.</param>
    /// <param name="transactional">False for <c>-- strata:no-transaction</c> scripts.</param>
    public SqlScript(string sql, string sourcePath, int firstLine, bool transactional)
        : base(sourcePath, transactional)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstLine, 1);
        _sql = sql;
        FirstLine = firstLine;
    }

    /// <summary>
    /// Creates a streamed SQL script: created by the migration sources for files above their streaming threshold
    /// (and usable by custom sources). <paramref name="openText"/> is called each time the script is run or rendered
    /// and must return its text as written (no BOM, line ends untouched), starting at <paramref name="firstLine"/>;
    /// executors read it statement by statement and dispose it. It may throw
    /// <see cref="Errors.MigrationSourceException"/> when the file cannot be read any more.
    /// </summary>
    /// <param name="openText">Opens a reader over the script's text.</param>
    /// <param name="sourcePath">The file it came from, for messages.</param>
    /// <param name="firstLine">The 1-based line of the file on which the text starts.</param>
    /// <param name="transactional">False for <c>-- strata:no-transaction</c> scripts.</param>
    /// <param name="statementCount">How many statements the text holds (shown in progress), or 0 when unknown.</param>
    public SqlScript(Func<TextReader> openText, string sourcePath, int firstLine, bool transactional, int statementCount)
        : base(sourcePath, transactional)
    {
        ArgumentNullException.ThrowIfNull(openText);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstLine, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(statementCount);
        _open = openText;
        FirstLine = firstLine;
        StatementCount = statementCount;
    }

    /// <summary>
    /// The SQL text as written (no BOM), sent to the database as is. For a streamed script this reads the whole text
    /// into memory on every call: executors use <see cref="OpenText"/> instead.
    /// </summary>
    public string Sql
    {
        get
        {
            if (_sql is not null)
            {
                return _sql;
            }

            using var reader = _open!();
            return reader.ReadToEnd();
        }
    }

    /// <summary>
    /// True when the file controls its transactions itself (several transactions, a COMMIT mid-file, a ROLLBACK):
    /// the script then runs as written, statement by statement like a <c>-- strata:no-transaction</c> script, and is
    /// recorded as started before and finished after (<see cref="MigrationScript.Transactional"/> is false). A file
    /// merely wrapped in one outer <c>BEGIN; … COMMIT;</c> is not such a script: the wrapper is dropped and the body
    /// commits together with its history row.
    /// </summary>
    public bool ManagesTransactions { get; init; }

    /// <summary>True when the text is read from its file when needed (<see cref="OpenText"/>) instead of held.</summary>
    public bool IsStreamed => _open is not null;

    /// <summary>How many statements a streamed script holds (counted while loading); 0 when unknown or held as text.</summary>
    public int StatementCount { get; }

    /// <summary>The 1-based line in <see cref="MigrationScript.SourcePath"/> where <see cref="Sql"/> begins.</summary>
    public int FirstLine { get; }

    /// <summary>
    /// A reader over the text (a new one on each call; the caller disposes it): a <see cref="StringReader"/> over
    /// <see cref="Sql"/>, or the streamed file. Called by executors to split the script with
    /// <see cref="SqlSplitter.SplitStream"/>; a streamed file that cannot be read any more throws
    /// <see cref="Errors.MigrationSourceException"/>.
    /// </summary>
    public TextReader OpenText() => _open is null ? new StringReader(_sql!) : _open();

    /// <summary>
    /// The statements of the script as <see cref="SqlSplitter"/> finds them: split from <see cref="Sql"/> when the
    /// text is held, read lazily from the file when streamed (each enumeration reads it again, holding one statement
    /// at a time). Called by the dialects' executors; a streamed file that cannot be read any more throws
    /// <see cref="Errors.MigrationSourceException"/> during the enumeration.
    /// </summary>
    public IEnumerable<SqlStatement> Statements(Dialect dialect) =>
        _open is null ? SqlSplitter.Split(_sql!, dialect) : StreamedStatements(dialect);

    /// <summary>
    /// The text for dry-run output: <see cref="Sql"/> as is when held; for a streamed script a comment naming the
    /// file and its statement count, its first lines (about <paramref name="maxCharacters"/> characters, read without
    /// reading further) and a comment when the rest is left out. Called by executors' and the engine's renderers.
    /// </summary>
    public string Preview(int maxCharacters = 4000)
    {
        if (_open is null)
        {
            return _sql!;
        }

        var (head, truncated) = Head(maxCharacters);
        var count = StatementCount > 0 ? $"{StatementCount} statement{(StatementCount == 1 ? "" : "s")}, " : "";
        var text = new System.Text.StringBuilder()
            .Append("-- ").Append(SourcePath).Append(" is streamed (").Append(count).Append("too large to print): its first lines follow; it runs as written in the file\n")
            .Append(head);
        if (truncated)
        {
            text.Append(head.EndsWith('\n') || head.EndsWith('\r') ? "" : "\n").Append("-- … the rest of ").Append(SourcePath).Append(" is not shown\n");
        }

        return text.ToString();
    }

    /// <summary>The first lines of the text, at most <paramref name="maxCharacters"/> characters and cut at a line end when one fits, and whether anything was left out.</summary>
    internal (string Text, bool Truncated) Head(int maxCharacters)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxCharacters, 1);
        using var reader = OpenText();
        var buffer = new char[maxCharacters + 1];
        var length = reader.ReadBlock(buffer, 0, buffer.Length);
        if (length <= maxCharacters)
        {
            return (new string(buffer, 0, length), false);
        }

        var lastBreak = buffer.AsSpan(0, maxCharacters).LastIndexOfAny('\n', '\r');
        return (new string(buffer, 0, lastBreak >= 0 ? lastBreak + 1 : maxCharacters), true);
    }

    private IEnumerable<SqlStatement> StreamedStatements(Dialect dialect)
    {
        using var reader = _open!();
        foreach (var statement in SqlSplitter.SplitStream(reader, dialect))
        {
            yield return statement;
        }
    }
}
