namespace Strata.Codegen;

/// <summary>
/// What to generate for TypeScript (strata.json <c>codegen.typescript</c>): one file with a Kysely <c>DB</c> interface, a
/// drop-in for kysely-codegen's output. Set <see cref="CodegenOptions.TypeScript"/> to generate it; null for none.
/// </summary>
public sealed record TypeScriptOptions
{
    /// <summary>The file to write, relative to the project root. Default <c>db.ts</c>.</summary>
    public string Output { get; init; } = "db.ts";

    /// <summary>Column and table keys: as in the database (default, like kysely-codegen) or camelCase (with Kysely's <c>CamelCasePlugin</c>).</summary>
    public NamingStyle Naming { get; init; } = NamingStyle.Preserve;

    /// <summary>How <c>bigint</c> columns are typed: <c>string</c> (node-postgres's default), <c>number</c> or <c>bigint</c>.</summary>
    public BigIntMode BigInt { get; init; } = BigIntMode.Text;

    /// <summary>
    /// Type-only imports the overrides need, by type name: <c>{ "OrderMeta": "./order-meta" }</c> writes
    /// <c>import type { OrderMeta } from "./order-meta";</c>.
    /// </summary>
    public IReadOnlyDictionary<string, string> Imports { get; init; } = new Dictionary<string, string>();
}
