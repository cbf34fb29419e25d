using Strata.History;

namespace Strata.Execution;

/// <summary>Settings of a <see cref="Migrator"/> that hold for every command.</summary>
public sealed record MigratorOptions
{
    /// <summary>The environment; migrations with <c>-- strata:env</c> naming others are skipped.</summary>
    public string Environment { get; init; } = "development";

    /// <summary>How long to wait for another runner's lock before giving up (exit 5).</summary>
    public TimeSpan LockTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The history table (and optional schema); <c>strata_migrations</c> in the default schema unless set.</summary>
    public HistoryTableName History { get; init; } = new();
}
