using Strata.Execution;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Schema;

/// <summary><c>strata verify</c>: every down script proven to undo its up, on the workspace's scratch database.</summary>
public sealed partial class SchemaWorkspace
{
    /// <summary>
    /// On the scratch database (the configured database is never changed), every versioned migration of the
    /// environment in order is applied, rolled back and applied again; the schema after the rollback must equal the
    /// schema before it, and the second result the first. Stops at the first migration where that does not hold.
    /// Migrations without a down script are applied up only. Then the repeatables are applied, and the final state must
    /// equal <paramref name="desired"/> when given. A migration that fails to run throws its
    /// <see cref="Errors.MigrationFailedException"/> (exit 4), as <c>strata migrate</c> would.
    /// </summary>
    /// <param name="migrations">The migrations.</param>
    /// <param name="desired">The schema files the migrations must produce, or null.</param>
    /// <param name="verified">Told of each migration whose round trip held, as it happens; null to wait for the result.</param>
    /// <param name="cancellationToken">Cancels the work.</param>
    public async Task<VerifyResult> VerifyAsync(IMigrationSource migrations, SchemaFiles? desired, Action<VerifiedMigration>? verified, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        var environment = _options.Migrator.EnvironmentIsSet ? _options.Migrator.Environment : null;
        var versioned = (await migrations.LoadAsync(Database.Dialect, cancellationToken).ConfigureAwait(false))
            .Where(m => m.Version is not null && m.AppliesTo(environment))
            .OrderBy(m => m.Version)
            .ToList();
        var declared = desired is null ? null : await ReadFilesAsync(desired, cancellationToken).ConfigureAwait(false);
        VerifyResult? result = null;
        await UseScratchAsync(
            async scratch =>
            {
                var migrator = new Migrator(scratch.Provider, migrations, _options.Migrator);
                result = await VerifyOnAsync(scratch, migrator, versioned, declared, verified, cancellationToken).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
        return result!;
    }

    private async Task<VerifyResult> VerifyOnAsync(
        IScratchDatabase scratch, Migrator migrator, List<Migration> migrations, DatabaseSchema? desired, Action<VerifiedMigration>? report, CancellationToken ct)
    {
        var done = new List<VerifiedMigration>();
        VerifyResult Stop(Migration migration, VerifyFailureKind kind, SchemaDiff difference) =>
            new(migrations.Count, done, new VerifyFailure(migration, kind, difference), null, desired is not null);
        DatabaseSchema? current = null;
        foreach (var migration in migrations)
        {
            var before = current ?? await scratch.ReadAsync(HistoryFilter, ct).ConfigureAwait(false);
            await StepAsync("up", () => migrator.MigrateAsync(new MigrateOptions { Target = migration.Version }, ct)).ConfigureAwait(false);
            var after = current = await scratch.ReadAsync(HistoryFilter, ct).ConfigureAwait(false);
            if (migration.Down is null)
            {
                Verified(done, report, new VerifiedMigration(migration, UpOnly: true));
                continue;
            }

            await StepAsync("down", () => migrator.RollbackAsync(new RollbackOptions { Steps = 1 }, ct)).ConfigureAwait(false);
            var back = Compare(await scratch.ReadAsync(HistoryFilter, ct).ConfigureAwait(false), before).Changes;
            if (!back.IsEmpty)
            {
                return Stop(migration, VerifyFailureKind.DownDoesNotRestore, back);
            }

            await StepAsync("up", () => migrator.MigrateAsync(new MigrateOptions { Target = migration.Version }, ct)).ConfigureAwait(false);
            current = await scratch.ReadAsync(HistoryFilter, ct).ConfigureAwait(false);
            var again = Compare(current, after).Changes;
            if (!again.IsEmpty)
            {
                return Stop(migration, VerifyFailureKind.UpDiffersAgain, again);
            }

            Verified(done, report, new VerifiedMigration(migration, UpOnly: false));
        }

        await StepAsync("up", () => migrator.MigrateAsync(null, ct)).ConfigureAwait(false);
        var final = await scratch.ReadAsync(HistoryFilter, ct).ConfigureAwait(false);
        var drift = desired is null ? null : Compare(final, desired).Changes;
        return new VerifyResult(migrations.Count, done, null, drift is { IsEmpty: false } ? drift : null, desired is not null);
    }

    private static void Verified(List<VerifiedMigration> done, Action<VerifiedMigration>? report, VerifiedMigration migration)
    {
        done.Add(migration);
        report?.Invoke(migration);
    }

    /// <summary>Runs a migrate or rollback on the scratch database, timed; a failure there is the migration's failure (exit 4).</summary>
    private Task<MigrationResult> StepAsync(string step, Func<Task<MigrationResult>> run) => Timings.TimeAsync(step, run);
}
