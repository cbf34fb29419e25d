namespace Strata.Codegen;

/// <summary>
/// The generated type or nullability of one column (strata.json <c>codegen.columns</c>, keyed by
/// <c>schema.table.column</c>, or <c>table.column</c> in any schema): a JSON column typed as a class of yours, a view
/// column known never to be NULL. Null members keep what the database says.
/// </summary>
public sealed record ColumnOverride
{
    /// <summary>The C# type. On a <c>json</c>/<c>jsonb</c> column, the generated Npgsql mapping turns on Npgsql's JSON (de)serialisation of your class.</summary>
    public string? CSharp { get; init; }

    /// <summary>The TypeScript type.</summary>
    public string? TypeScript { get; init; }

    /// <summary>True or false to say whether the column may be NULL, whatever the catalog says (view columns are always nullable there).</summary>
    public bool? Nullable { get; init; }
}
