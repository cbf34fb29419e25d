namespace Strata.Codegen;

/// <summary>How generated C# is split into files.</summary>
public enum FileLayout
{
    /// <summary>One <c>&lt;Schema&gt;.g.cs</c> per database schema (SQLite: <c>Main.g.cs</c>).</summary>
    PerSchema,

    /// <summary>One <c>&lt;Schema&gt;/&lt;Relation&gt;.g.cs</c> per table or view, and <c>&lt;Schema&gt;/Types.g.cs</c> for its enums and composite types.</summary>
    PerTable,
}
