namespace Strata.LintCompare;

/// <summary>
/// The hazard both linters describe, by rule id: findings of the two tools on the same statement and concept agree.
/// Rules with no counterpart map to their own id (prefixed by the tool), so they show up as one tool's only.
/// </summary>
internal static class Concepts
{
    private static readonly Dictionary<string, string> Strata = new(StringComparer.Ordinal)
    {
        ["drop-table"] = "drop table",
        ["drop-column"] = "drop column",
        ["truncate"] = "truncate",
        ["alter-column-type"] = "change column type",
        ["set-not-null"] = "set not null (scan)",
        ["add-not-null-column"] = "add required column",
        ["create-index-non-concurrently"] = "create index without concurrently",
        ["drop-index-non-concurrently"] = "drop index without concurrently",
        ["foreign-key-not-valid"] = "constraint validated under lock",
        ["check-not-valid"] = "constraint validated under lock",
        ["validate-in-same-transaction"] = "constraint validated under lock",
        ["unique-without-index"] = "unique or primary key builds index under lock",
        ["volatile-default"] = "column default rewrites table",
        ["rename"] = "rename",
        ["concurrently-in-transaction"] = "concurrently in transaction",
        ["missing-lock-timeout"] = "no lock_timeout",
        ["not-rerunnable"] = "no-transaction statement not re-runnable",
        ["prefer-text"] = "style: varchar(n)",
        ["prefer-bigint"] = "style: int or smallint",
        ["prefer-timestamptz"] = "style: timestamp without time zone",
        ["prefer-identity"] = "style: serial",
        ["no-char"] = "style: char(n)",
    };

    private static readonly Dictionary<string, string> Squawk = new(StringComparer.Ordinal)
    {
        ["ban-drop-table"] = "drop table",
        ["ban-drop-column"] = "drop column",
        ["ban-truncate-cascade"] = "truncate",
        ["changing-column-type"] = "change column type",
        ["adding-not-nullable-field"] = "set not null (scan)",
        ["adding-required-field"] = "add required column",
        ["require-concurrent-index-creation"] = "create index without concurrently",
        ["require-concurrent-index-deletion"] = "drop index without concurrently",
        ["adding-foreign-key-constraint"] = "constraint validated under lock",
        ["constraint-missing-not-valid"] = "constraint validated under lock",
        ["adding-primary-key-constraint"] = "unique or primary key builds index under lock",
        ["disallowed-unique-constraint"] = "unique or primary key builds index under lock",
        ["adding-field-with-default"] = "column default rewrites table",
        ["renaming-column"] = "rename",
        ["renaming-table"] = "rename",
        ["ban-concurrent-index-creation-in-transaction"] = "concurrently in transaction",
        ["require-lock-timeout"] = "no lock_timeout",
        ["prefer-robust-stmts"] = "no-transaction statement not re-runnable",
        ["prefer-text-field"] = "style: varchar(n)",
        ["prefer-bigint-over-int"] = "style: int or smallint",
        ["prefer-bigint-over-smallint"] = "style: int or smallint",
        ["prefer-big-int"] = "style: int or smallint",
        ["prefer-timestamptz"] = "style: timestamp without time zone",
        ["prefer-identity"] = "style: serial",
        ["ban-char-field"] = "style: char(n)",
    };

    public static string OfStrata(string rule) => Strata.TryGetValue(rule, out var concept) ? concept : "strata: " + rule;

    public static string OfSquawk(string rule) => Squawk.TryGetValue(rule, out var concept) ? concept : "squawk: " + rule;

    /// <summary>True for the style concepts (opt-in packs in both tools' philosophy; not hazards).</summary>
    public static bool IsStyle(string concept) => concept.StartsWith("style:", StringComparison.Ordinal);
}
