namespace Strata.Lint;

/// <summary>The opt-in style pack: conventions, not hazards; off unless strata.json says <c>"lint": { "style": true }</c>.</summary>
public static partial class LintRules
{
    /// <summary><c>varchar(n)</c> instead of <c>text</c>.</summary>
    public static readonly LintRule PreferText = new("prefer-text", LintSeverity.Note,
        "varchar(n) is no faster than text in PostgreSQL, and raising the limit later is a migration of its own (one that locks the table when the column is indexed)",
        "text, with a CHECK (char_length(col) <= n) constraint when the limit matters (it can be changed with NOT VALID)", Postgres) { Pack = StylePack };

    /// <summary><c>int</c>/<c>smallint</c> keys.</summary>
    public static readonly LintRule PreferBigint = new("prefer-bigint", LintSeverity.Note,
        "an int key (or a column referencing one) runs out at 2,147,483,647, and changing it to bigint later rewrites the table and every referencing table",
        "bigint for primary keys, identity and serial columns, and the columns that reference them", Postgres) { Pack = StylePack };

    /// <summary><c>timestamp</c> without time zone.</summary>
    public static readonly LintRule PreferTimestamptz = new("prefer-timestamptz", LintSeverity.Note,
        "timestamp without time zone stores wall-clock time with no zone: values from servers or sessions in other zones cannot be compared",
        "timestamptz (timestamp with time zone), which stores an instant", Postgres) { Pack = StylePack };

    /// <summary><c>serial</c> instead of identity.</summary>
    public static readonly LintRule PreferIdentity = new("prefer-identity", LintSeverity.Note,
        "serial makes a sequence that is owned loosely (permissions, dumps and copies of the table treat it separately) and accepts explicit values that later collide",
        "bigint GENERATED ALWAYS AS IDENTITY (or BY DEFAULT when you must insert ids yourself)", Postgres) { Pack = StylePack };

    /// <summary><c>char(n)</c>.</summary>
    public static readonly LintRule NoChar = new("no-char", LintSeverity.Note,
        "char(n) pads values with spaces to n characters, wastes space and compares in surprising ways",
        "text (or varchar(n)), with a CHECK constraint for a fixed length", Postgres) { Pack = StylePack };

    /// <summary><c>ALTER TYPE … ADD VALUE … BEFORE/AFTER</c>.</summary>
    public static readonly LintRule EnumValueInserted = new("enum-value-inserted", LintSeverity.Note,
        "inserting an enum value between others changes the sort order of the enum for ORDER BY and comparisons that the application may rely on, and makes the type's values differ in order from the code's list",
        "append new values at the end (ADD VALUE without BEFORE or AFTER), and order in queries explicitly when order matters", Postgres) { Pack = StylePack };
}
