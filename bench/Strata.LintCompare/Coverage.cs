namespace Strata.LintCompare;

/// <summary>
/// Which Strata rules report the hazard a squawk rule reports: a squawk finding is found by Strata too when Strata
/// reports one of them on the same statement, and a Strata finding is found by squawk too when squawk reports a rule
/// whose list names it. Rules without a counterpart have an empty list.
/// </summary>
internal static class Coverage
{
    private static readonly Dictionary<string, string[]> BySquawkRule = new(StringComparer.Ordinal)
    {
        ["ban-drop-table"] = ["drop-table"],
        ["ban-drop-column"] = ["drop-column"],
        ["ban-truncate-cascade"] = ["truncate"],
        ["changing-column-type"] = ["alter-column-type"],
        ["adding-not-nullable-field"] = ["set-not-null"],
        ["adding-required-field"] = ["add-not-null-column", "new-required-column", "volatile-default"],
        ["require-concurrent-index-creation"] = ["create-index-non-concurrently"],
        ["require-concurrent-index-deletion"] = ["drop-index-non-concurrently"],
        ["adding-foreign-key-constraint"] = ["foreign-key-not-valid"],
        ["constraint-missing-not-valid"] = ["foreign-key-not-valid", "check-not-valid", "unique-without-index", "validate-in-same-transaction", "exclusion-constraint"],
        ["adding-primary-key-constraint"] = ["unique-without-index"],
        ["adding-serial-primary-key-field"] = ["unique-without-index"],
        ["disallowed-unique-constraint"] = ["unique-without-index"],
        ["adding-field-with-default"] = ["volatile-default"],
        ["renaming-column"] = ["rename"],
        ["renaming-table"] = ["rename"],
        ["ban-concurrent-index-creation-in-transaction"] = ["concurrently-in-transaction"],
        ["require-lock-timeout"] = ["missing-lock-timeout"],
        ["prefer-robust-stmts"] = ["concurrent-index-not-rerunnable"],
        ["require-concurrent-reindex"] = ["reindex-non-concurrently"],
        ["identifier-too-long"] = ["identifier-too-long"],
        ["transaction-nesting"] = ["file-name"],
        ["prefer-text-field"] = ["prefer-text"],
        ["prefer-bigint-over-int"] = ["prefer-bigint"],
        ["prefer-bigint-over-smallint"] = ["prefer-bigint"],
        ["prefer-big-int"] = ["prefer-bigint"],
        ["prefer-timestamp-tz"] = ["prefer-timestamptz"],
        ["prefer-timestamptz"] = ["prefer-timestamptz"],
        ["prefer-identity"] = ["prefer-identity"],
        ["ban-char-field"] = ["no-char"],
    };

    /// <summary>The Strata rules that cover <paramref name="squawkRule"/>.</summary>
    public static IReadOnlyList<string> Of(string squawkRule) => BySquawkRule.GetValueOrDefault(squawkRule, []);

    /// <summary>True when <paramref name="squawkRule"/> and <paramref name="strataRule"/> report the same hazard.</summary>
    public static bool Same(string squawkRule, string strataRule) => Of(squawkRule).Contains(strataRule, StringComparer.Ordinal);
}
