namespace Strata.Corpus;

/// <summary>One line of the results table.</summary>
/// <param name="Project">owner/name.</param>
/// <param name="Layout">The layout Strata detected.</param>
/// <param name="Major">The PostgreSQL major it ran on (the sqlite3 version on SQLite).</param>
internal sealed record CorpusRow(string Project, string Layout, string Major)
{
    /// <summary>How many migrations Strata read.</summary>
    public string Migrations { get; init; } = "-";

    /// <summary>How many migrations psql and Strata applied (and where psql stopped).</summary>
    public string Up { get; init; } = "-";

    /// <summary>How many migrations psql and Strata rolled back.</summary>
    public string Down { get; init; } = "-";

    /// <summary>Whether the schemas were identical after both.</summary>
    public string Identical { get; init; } = "-";

    /// <summary>The header of the table.</summary>
    public const string Header = "| project | layout | PostgreSQL | migrations | applied: psql / Strata | rolled back: psql / Strata | schemas identical |\n|---|---|---|---|---|---|---|";

    /// <summary>The header of the SQLite table (the engine column is the sqlite3 shell's version).</summary>
    public const string SqliteHeader = "| project | layout | sqlite3 | migrations | applied: sqlite3 / Strata | rolled back: sqlite3 / Strata | dumps identical |\n|---|---|---|---|---|---|---|";

    /// <inheritdoc />
    public override string ToString() => $"| {Project} | {Layout} | {Major} | {Migrations} | {Up} | {Down} | {Identical} |";
}
