namespace Strata.Lint;

/// <summary>How <see cref="Linter"/> reads the files and weighs what it finds.</summary>
public sealed record LintOptions
{
    /// <summary>The SQL rules of the target database (PostgreSQL unless SQLite is configured).</summary>
    public Dialect Dialect { get; init; } = Dialect.PostgreSql;

    /// <summary>
    /// True when Strata sets <c>lock_timeout</c> on transactional migrations (strata.json <c>statementLockTimeout</c>,
    /// on by default): then only no-transaction migrations need their own <c>SET lock_timeout</c>.
    /// </summary>
    public bool EngineLockTimeout { get; init; } = true;

    /// <summary>
    /// The environments strata.json declares, or null: then rule <c>unknown-environment</c> reports <c>-- strata:env</c>
    /// names outside them (a typo would skip the migration everywhere).
    /// </summary>
    public IReadOnlyCollection<string>? DeclaredEnvironments { get; init; }

    /// <summary>Severities that differ from the rules' defaults, by rule id (strata.json <c>lint.rules</c>).</summary>
    public IReadOnlyDictionary<string, LintSeverity> Severities { get; init; } = new Dictionary<string, LintSeverity>();

    /// <summary>True when the opt-in style pack is on (strata.json <c>"lint": { "style": true }</c>).</summary>
    public bool Style { get; init; }

    /// <summary>The effective severity of <paramref name="rule"/>: as strata.json sets it, else off for a pack that is not enabled, else its default.</summary>
    public LintSeverity SeverityOf(LintRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return Severities.TryGetValue(rule.Id, out var severity) ? severity
            : rule.Pack == LintRules.StylePack && !Style ? LintSeverity.Off
            : rule.DefaultSeverity;
    }
}
