namespace Strata.Codegen;

/// <summary>
/// Everything <see cref="CodeGenerator.Generate"/> needs besides the schema: the dialect, which relations, the
/// languages and the overrides. Built by <see cref="CodegenSettings.Read"/> from strata.json's <c>codegen</c> section,
/// or by hand. At least one of <see cref="CSharp"/> and <see cref="TypeScript"/> must be set.
/// </summary>
public sealed record CodegenOptions
{
    /// <summary>Which engine the schema comes from. Default PostgreSQL.</summary>
    public Dialect Dialect { get; init; } = Dialect.PostgreSql;

    /// <summary>
    /// Tables and views to generate for, as globs (<c>*</c> is any run of characters) matched against
    /// <c>schema.name</c> when the pattern has a dot, else against the name; empty: all. User types are generated when an
    /// included column uses them, or when they match these patterns.
    /// </summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Tables, views and types to leave out, as globs like <see cref="Include"/>; wins over it. A type a generated column uses is kept.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>C# output, or null for none.</summary>
    public CSharpOptions? CSharp { get; init; }

    /// <summary>TypeScript output, or null for none.</summary>
    public TypeScriptOptions? TypeScript { get; init; }

    /// <summary>Per-type overrides, keyed by type name (<c>jsonb</c>, <c>timestamptz</c>, <c>app.money_amount</c>).</summary>
    public IReadOnlyDictionary<string, TypeOverride> Types { get; init; } = new Dictionary<string, TypeOverride>();

    /// <summary>Per-column overrides, keyed by <c>schema.table.column</c> or <c>table.column</c>.</summary>
    public IReadOnlyDictionary<string, ColumnOverride> Columns { get; init; } = new Dictionary<string, ColumnOverride>();

    /// <summary>
    /// Type names to use instead of the derived ones, keyed by <c>schema.name</c> (or <c>name</c>) of a table, view, enum
    /// or composite type: <c>{ "public.people": "Person" }</c> gives <c>PersonRow</c>, <c>PersonInsert</c>, <c>Person</c>
    /// in C# and <c>Person</c> in TypeScript. Use it to fix a name clash or for singular names.
    /// </summary>
    public IReadOnlyDictionary<string, string> Names { get; init; } = new Dictionary<string, string>();
}
