namespace Strata.Codegen;

/// <summary>How database names become identifiers in generated code.</summary>
public enum NamingStyle
{
    /// <summary>
    /// The language's convention: PascalCase types and properties in C#, camelCase properties in TypeScript (use
    /// Kysely's <c>CamelCasePlugin</c> with it). Type names are PascalCase in both styles.
    /// </summary>
    Idiomatic,

    /// <summary>Column names as the database spells them (escaped where the language needs it).</summary>
    Preserve,
}
