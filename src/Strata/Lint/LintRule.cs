namespace Strata.Lint;

/// <summary>
/// One safety or convention check of <c>strata lint</c>: a stable id (used in suppressions, strata.json and SARIF),
/// its default severity, why it matters in one line, and the safe alternative.
/// </summary>
/// <param name="Id">The stable kebab-case id, e.g. <c>drop-column</c>.</param>
/// <param name="DefaultSeverity">The severity unless strata.json's <c>lint.rules</c> changes it.</param>
/// <param name="Why">One line: what goes wrong.</param>
/// <param name="Instead">The safe alternative.</param>
/// <param name="Dialects">The SQL dialects the rule applies to (empty: every dialect).</param>
public sealed record LintRule(string Id, LintSeverity DefaultSeverity, string Why, string Instead, IReadOnlyList<Dialect> Dialects)
{
    /// <summary>
    /// The opt-in pack the rule belongs to (<c>style</c>), or null for the rules checked by default. A pack's rules are
    /// off unless strata.json enables the pack (<c>"lint": { "style": true }</c>) or sets the rule's severity.
    /// </summary>
    public string? Pack { get; init; }

    /// <summary>True when the rule is checked for files of <paramref name="dialect"/>.</summary>
    public bool AppliesTo(Dialect dialect) => Dialects.Count == 0 || Dialects.Contains(dialect);

    /// <inheritdoc />
    public override string ToString() => Id;
}
