namespace Strata.Sources;

/// <summary>A SQL section of a migration file: the up part, the down part, or a whole <c>.up.sql</c>/<c>.down.sql</c>.</summary>
public sealed class SqlScript : MigrationScript
{
    /// <summary>Creates a SQL script.</summary>
    /// <param name="sql">The text as written in the file, without a BOM (line ends untouched: the checksum normalises them, execution does not).</param>
    /// <param name="sourcePath">The file it came from, for messages.</param>
    /// <param name="firstLine">The 1-based line of the file on which <paramref name="sql"/> starts.</param>
    /// <param name="transactional">False for <c>-- strata:no-transaction</c> scripts.</param>
    public SqlScript(string sql, string sourcePath, int firstLine, bool transactional)
        : base(sourcePath, transactional)
    {
        ArgumentNullException.ThrowIfNull(sql);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstLine, 1);
        Sql = sql;
        FirstLine = firstLine;
    }

    /// <summary>The SQL text as written (no BOM), sent to the database as is.</summary>
    public string Sql { get; }

    /// <summary>The 1-based line in <see cref="MigrationScript.SourcePath"/> where <see cref="Sql"/> begins.</summary>
    public int FirstLine { get; }
}
