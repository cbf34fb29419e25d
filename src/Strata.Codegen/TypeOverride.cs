namespace Strata.Codegen;

/// <summary>
/// The generated type for every column of one database type (strata.json <c>codegen.types</c>, keyed by the type name:
/// <c>citext</c>, <c>jsonb</c>, <c>timestamptz</c>, <c>app.money_amount</c>). A null member keeps the default mapping
/// of that language.
/// </summary>
public sealed record TypeOverride
{
    /// <summary>The C# type, e.g. <c>string</c> or <c>Pgvector.Vector</c>; fully qualify types outside the generated namespace.</summary>
    public string? CSharp { get; init; }

    /// <summary>The TypeScript type, e.g. <c>number[]</c>; a type that needs an import is listed in <see cref="TypeScriptOptions.Imports"/>.</summary>
    public string? TypeScript { get; init; }
}
