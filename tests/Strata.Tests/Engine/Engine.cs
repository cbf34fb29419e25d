using Strata.Execution;
using Strata.History;

namespace Strata.Tests.Engine;

/// <summary>What the engine tests share: a migrator on the recording dialect, and history rows planted as if applied.</summary>
internal static class Engine
{
    /// <summary>Retries wait a millisecond, not a second, so the tests stay fast.</summary>
    public static MigratorOptions FastOptions { get; } = new() { RetryDelay = TimeSpan.FromMilliseconds(1) };

    public static Migrator Migrator(RecordingDialect dialect, InMemoryMigrations migrations, MigratorOptions? options = null, IMigrationObserver? observer = null) =>
        new(dialect, migrations, options ?? FastOptions, observer);

    /// <summary>Plants the history row <paramref name="version"/> of <paramref name="migrations"/> would have after being applied.</summary>
    public static AppliedMigration Applied(this RecordingDialect dialect, InMemoryMigrations migrations, long version, int batch = 1, MigrationState state = MigrationState.Succeeded)
    {
        var m = migrations.LoadAsync(Dialect.PostgreSql, CancellationToken.None).Result.Single(x => x.Version == version);
        var row = new AppliedMigration
        {
            Version = version,
            Name = m.Name,
            Kind = HistoryKind.Versioned,
            Checksum = m.Checksum,
            Batch = batch,
            AppliedAt = DateTimeOffset.UnixEpoch,
            AppliedBy = "earlier",
            State = state,
        };
        dialect.Rows.Add(row);
        return row;
    }

    /// <summary>Plants a history row whose file the migrations do not have (or whose checksum differs).</summary>
    public static void Row(this RecordingDialect dialect, long? version, string name, string checksum = "0123456789abcdef0123", int batch = 1, HistoryKind kind = HistoryKind.Versioned) =>
        dialect.Rows.Add(new AppliedMigration
        {
            Version = version,
            Name = name,
            Kind = kind,
            Checksum = kind == HistoryKind.Baseline ? null : checksum,
            Batch = batch,
            AppliedAt = DateTimeOffset.UnixEpoch,
            AppliedBy = "earlier",
        });
}
