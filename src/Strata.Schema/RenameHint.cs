namespace Strata.Schema;

/// <summary>
/// An explicit rename, since renames cannot be inferred: written in <c>schema.sql</c> as
/// <c>-- strata:rename table public.users -> customers</c> or <c>-- strata:rename column public.users.email -> mail</c>
/// (parsed by <see cref="RenameHints.Parse"/>). The diff turns a drop of the old name plus a create of the new one into
/// a rename; a hint whose old name no longer exists is ignored, so hints may stay in the file after the migration.
/// </summary>
/// <param name="Table">The table (before the rename); a null schema matches the table in any schema.</param>
/// <param name="Column">The column being renamed, or null for a table rename.</param>
/// <param name="NewName">The new table or column name (unqualified: a table stays in its schema).</param>
public sealed record RenameHint(QualifiedName Table, string? Column, string NewName)
{
    /// <summary>True when <paramref name="name"/> is the hint's table (ignoring a schema the hint does not give).</summary>
    public bool Matches(QualifiedName name) => name.Name == Table.Name && (Table.Schema is null || Table.Schema == name.Schema);

    /// <summary>The hint in the form it is written.</summary>
    public override string ToString() => Column is null ? $"table {Table} -> {NewName}" : $"column {Table}.{Column} -> {NewName}";
}
