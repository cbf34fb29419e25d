namespace Strata.Schema;

/// <summary>
/// The DDL rendering contract each dialect implements (<c>PostgreSqlDdlRenderer</c>, <c>SqliteDdlRenderer</c>). The
/// diff (<see cref="SchemaDiffer"/>) decides what changes and in which order; the renderer only turns one change into
/// statements, without a trailing semicolon. Implementations quote every identifier and never consult a database.
/// </summary>
public interface IDdlRenderer
{
    /// <summary>Statements placed before a script that creates functions or procedures (PostgreSQL: their bodies are not checked, so they may refer to tables created later).</summary>
    IReadOnlyList<string> Preamble { get; }

    /// <summary>
    /// True when keys and checks live inside CREATE TABLE and cannot be altered separately (SQLite): constraint
    /// changes then become part of the table's change, and the table is rebuilt when <see cref="NeedsRebuild"/> says so.
    /// </summary>
    bool ConstraintsInsideTable { get; }

    /// <summary>
    /// Statements that open a script containing a table rebuild, which then runs outside the migration transaction
    /// (SQLite: foreign keys off, then BEGIN); <see cref="RebuildEpilogue"/> closes it.
    /// </summary>
    IReadOnlyList<string> RebuildPrologue { get; }

    /// <summary>Statements that close a script containing a table rebuild (SQLite: COMMIT, foreign keys on).</summary>
    IReadOnlyList<string> RebuildEpilogue { get; }

    /// <summary>CREATE TABLE, plus table and column comments and row-level security settings.</summary>
    /// <param name="table">The table.</param>
    /// <param name="constraints">Its keys and checks when <see cref="ConstraintsInsideTable"/>; empty otherwise.</param>
    IReadOnlyList<string> CreateTable(TableDefinition table, IReadOnlyList<SchemaObject> constraints);

    /// <summary>DROP TABLE.</summary>
    string DropTable(TableDefinition table);

    /// <summary>Renames a table within its schema.</summary>
    string RenameTable(QualifiedName table, string newName);

    /// <summary>Renames a column.</summary>
    string RenameColumn(QualifiedName table, string column, string newName);

    /// <summary>Adds a column (and its comment).</summary>
    IReadOnlyList<string> AddColumn(QualifiedName table, ColumnDefinition column);

    /// <summary>Drops a column.</summary>
    string DropColumn(QualifiedName table, ColumnDefinition column);

    /// <summary>Changes a column in place from <paramref name="before"/> to <paramref name="after"/> (same name).</summary>
    IReadOnlyList<string> AlterColumn(QualifiedName table, ColumnDefinition before, ColumnDefinition after);

    /// <summary>Table-level changes other than columns: comment, row-level security.</summary>
    IReadOnlyList<string> AlterTable(TableDefinition before, TableDefinition after);

    /// <summary>True when ALTER TABLE cannot express <paramref name="change"/> and the table must be rebuilt.</summary>
    bool NeedsRebuild(TableChange change);

    /// <summary>The rebuild procedure for <paramref name="change"/>: new table, copy of the kept columns, drop, rename.</summary>
    IReadOnlyList<string> RebuildTable(TableChange change);

    /// <summary>Creates an object (and its comment).</summary>
    IReadOnlyList<string> CreateObject(SchemaObject item);

    /// <summary>Drops an object.</summary>
    IReadOnlyList<string> DropObject(SchemaObject item);

    /// <summary>
    /// Changes <paramref name="before"/> into <paramref name="after"/> in place (a comment, an enum label added at the end),
    /// or returns null when the object must be dropped and created again.
    /// </summary>
    IReadOnlyList<string>? AlterObject(SchemaObject before, SchemaObject after);

    /// <summary>True when converting <paramref name="fromType"/> to <paramref name="toType"/> cannot lose data.</summary>
    bool IsWidening(string fromType, string toType);
}
