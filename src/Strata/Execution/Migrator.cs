using System.Diagnostics;
using Strata.Errors;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Execution;

/// <summary>
/// The engine: applies, reverts and inspects migrations from one source on one database. Used by the CLI and by
/// applications. Every call loads and checks the migrations before connecting, so bad files never reach a
/// database; writes happen under the migration lock, after re-reading the history.
/// </summary>
public sealed class Migrator
{
    private readonly IDialect _provider;
    private readonly IMigrationSource _source;
    private readonly MigratorOptions _options;
    private readonly IMigrationObserver _observer;

    /// <summary>Creates a migrator; nothing is opened until a method is called.</summary>
    public Migrator(IDialect provider, IMigrationSource source, MigratorOptions? options = null, IMigrationObserver? observer = null)
    {
        _provider = provider ?? throw new ArgumentNullException(nameof(provider));
        _source = source ?? throw new ArgumentNullException(nameof(source));
        _options = options ?? new MigratorOptions();
        _observer = observer ?? NullObserver.Instance;
    }

    /// <summary>The status of every migration. Reads only: needs no lock and no CREATE right.</summary>
    public async Task<StatusReport> GetStatusAsync(CancellationToken cancellationToken = default)
    {
        var (migrations, session) = await StartAsync(cancellationToken, ReadingMissing).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            return await ReadStatusAsync(session, migrations, cancellationToken, refuseForeign: true).ConfigureAwait(false);
        }
    }

    /// <summary>Checks files against the history; throws <see cref="ValidationException"/> listing every problem.</summary>
    public async Task<StatusReport> ValidateAsync(bool allowOutOfOrder = false, CancellationToken cancellationToken = default)
    {
        var status = await GetStatusAsync(cancellationToken).ConfigureAwait(false);
        var problems = Planner.FindProblems(status, allowOutOfOrder);
        return problems.Count == 0
            ? status
            : throw new ValidationException(problems, "fix each problem listed; nothing was changed");
    }

    /// <summary>What <see cref="MigrateAsync"/> would do, with the exact SQL of each step. Changes nothing.</summary>
    public Task<MigrationPlan> PlanAsync(MigrateOptions options, CancellationToken cancellationToken = default) =>
        PlanAsync(status => Planner.PlanMigrate(status, options), ReadingMissing, cancellationToken, refuseForeign: true);

    /// <summary>What <see cref="RollbackAsync"/> would do, with the exact SQL of each step. Changes nothing.</summary>
    public Task<MigrationPlan> PlanRollbackAsync(RollbackOptions options, CancellationToken cancellationToken = default) =>
        PlanAsync(status => Planner.PlanRollback(status, options), MissingDatabase.Refuse, cancellationToken);

    /// <summary>
    /// Applies pending migrations in order as one batch, then changed repeatables. Returns quickly, without
    /// taking the lock, when everything is applied.
    /// </summary>
    public Task<MigrationResult> MigrateAsync(MigrateOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new MigrateOptions();
        return RunAsync(status => Planner.PlanMigrate(status, o), newBatch: true, cancellationToken);
    }

    /// <summary>Reverts the last batch, the last N migrations, or everything above a version, newest first.</summary>
    public Task<MigrationResult> RollbackAsync(RollbackOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new RollbackOptions();
        return RunAsync(status => Planner.PlanRollback(status, o), newBatch: false, cancellationToken);
    }

    /// <summary>Records that the database already holds everything up to <paramref name="version"/>.</summary>
    public Task<IReadOnlyList<HistoryEdit>> BaselineAsync(long version, CancellationToken cancellationToken = default) =>
        EditAsync((editor, status, ct) => editor.BaselineAsync(status, version, ct), cancellationToken);

    /// <summary>Records migrations as applied without running them, or finishes unfinished ones.</summary>
    public Task<IReadOnlyList<HistoryEdit>> MarkAppliedAsync(IReadOnlyList<MigrationReference> migrations, CancellationToken cancellationToken = default) =>
        EditAsync((editor, status, ct) => editor.MarkAppliedAsync(status, migrations, ct), cancellationToken);

    /// <summary>Removes migrations from the history without running their down scripts.</summary>
    public Task<IReadOnlyList<HistoryEdit>> MarkRolledBackAsync(IReadOnlyList<MigrationReference> migrations, CancellationToken cancellationToken = default) =>
        EditAsync((editor, status, ct) => editor.MarkRolledBackAsync(status, migrations, ct), cancellationToken, MissingDatabase.Refuse);

    /// <summary>Accepts the current checksums of edited applied files, writing an audit row for each.</summary>
    public Task<IReadOnlyList<HistoryEdit>> RepairAsync(CancellationToken cancellationToken = default) =>
        EditAsync((editor, status, ct) => editor.RepairAsync(status, ct), cancellationToken, MissingDatabase.Refuse);

    /// <summary>
    /// Takes over a database another tool migrated (<c>strata adopt</c>): reads that tool's history table without
    /// changing it, maps its rows to the migrations on disk (comparing the tool's checksums where it keeps them) and
    /// records them in Strata's empty history in one transaction, each row audited with where it came from. Throws
    /// <see cref="StrataException"/> (bad input) for an unsafe history (dirty, failed, locked), files that differ, or a
    /// Strata history that is not empty.
    /// </summary>
    public async Task<Adoption.AdoptionPlan> AdoptAsync(Adoption.AdoptOptions? options = null, CancellationToken cancellationToken = default)
    {
        var o = options ?? new Adoption.AdoptOptions();
        var (migrations, session) = await StartAsync(cancellationToken, MissingDatabase.Refuse).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var reader = session as Adoption.IForeignHistoryReader
                ?? throw new StrataException(ErrorCategory.BadInput, $"adopting another tool's history is not supported on {_provider.Dialect.ToName()}", "use `strata baseline` or `strata mark-applied`");
            var history = await Adoption.Adopter.ReadAsync(reader, o.From, cancellationToken).ConfigureAwait(false);
            var (plan, rows) = Adoption.Adopter.Plan(history, migrations, _source is DirectoryMigrationSource folder ? m => folder.FullPath(m.SourcePath) : m => m.SourcePath);
            if (o.DryRun)
            {
                return plan with { DryRun = true };
            }

            var held = await AcquireLockAsync(session, cancellationToken).ConfigureAwait(false);
            await using (held.ConfigureAwait(false))
            {
                await session.History.EnsureCreatedAsync(cancellationToken).ConfigureAwait(false);
                var applied = (await ReadHistoryAsync(session, cancellationToken).ConfigureAwait(false)).Count;
                var changes = Adoption.Adopter.Changes(plan, rows, session.AppliedBy);
                if (applied > 0 || !await session.History.ApplyAsync(new History.HistoryBatch(changes), cancellationToken).ConfigureAwait(false))
                {
                    throw new StrataException(ErrorCategory.BadInput, $"Strata's history already records {Math.Max(applied, 1)} row(s); adopt only starts an empty history; nothing was changed",
                        "to start over, `strata mark-rolled-back` those rows (or drop Strata's empty history table) and adopt again");
                }

                return plan;
            }
        }
    }

    private async Task<MigrationPlan> PlanAsync(Func<StatusReport, MigrationPlan> plan, MissingDatabase ifMissing, CancellationToken ct, bool refuseForeign = false)
    {
        var (migrations, session) = await StartAsync(ct, ifMissing).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var status = await ReadStatusAsync(session, migrations, ct, refuseForeign).ConfigureAwait(false);
            var result = plan(status);
            var runner = new StepRunner(session, _observer, _options);
            var batch = NextBatch(status);
            return result with { Steps = result.Steps.Select(s => s with { Sql = runner.Render(s, batch) }).ToList() };
        }
    }

    private async Task<MigrationResult> RunAsync(Func<StatusReport, MigrationPlan> plan, bool newBatch, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // Rolling back needs a database that exists; migrating may create it (SQLite).
        var (migrations, session) = await StartAsync(ct, newBatch ? MissingDatabase.Create : MissingDatabase.Refuse).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            // Before the lock only decide whether there may be work; validation waits for the lock, because a
            // "started" row seen now may belong to a runner that is still working on a no-transaction migration.
            if (newBatch && (await ReadStatusAsync(session, migrations, ct, refuseForeign: true).ConfigureAwait(false)).IsClean)
            {
                return new MigrationResult([], clock.Elapsed, 0);
            }

            var held = await AcquireLockAsync(session, ct).ConfigureAwait(false);
            await using (held.ConfigureAwait(false))
            {
                await session.History.EnsureCreatedAsync(ct).ConfigureAwait(false);
                var status = await ReadStatusAsync(session, migrations, ct).ConfigureAwait(false);
                var steps = plan(status).Steps;
                var batch = newBatch ? NextBatch(status) : steps.Select(s => s.Applied?.Batch ?? 0).DefaultIfEmpty(0).Max();
                var runner = new StepRunner(session, _observer, _options);
                var results = new List<StepResult>(steps.Count);
                foreach (var step in steps)
                {
                    results.Add(await runner.RunAsync(step, batch, ct).ConfigureAwait(false));
                }

                IReadOnlyList<int> batches = results.Count == 0 ? [] : newBatch ? [batch] : steps.Select(s => s.Applied?.Batch ?? 0).Where(b => b > 0).Distinct().Order().ToList();
                return new MigrationResult(results, clock.Elapsed, results.Count == 0 ? 0 : batch) { Batches = batches };
            }
        }
    }

    private async Task<IReadOnlyList<HistoryEdit>> EditAsync(
        Func<HistoryEditor, StatusReport, CancellationToken, Task<IReadOnlyList<HistoryEdit>>> edit,
        CancellationToken ct,
        MissingDatabase ifMissing = MissingDatabase.Create)
    {
        var (migrations, session) = await StartAsync(ct, ifMissing).ConfigureAwait(false);
        await using (session.ConfigureAwait(false))
        {
            var held = await AcquireLockAsync(session, ct).ConfigureAwait(false);
            await using (held.ConfigureAwait(false))
            {
                await session.History.EnsureCreatedAsync(ct).ConfigureAwait(false);
                var status = await ReadStatusAsync(session, migrations, ct).ConfigureAwait(false);
                return await edit(new HistoryEditor(session, NextBatch(status)), status, ct).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Loads and checks every migration first (bad files never reach a database), then connects.</summary>
    private async Task<(IReadOnlyList<Migration> Migrations, IDatabaseSession Session)> StartAsync(CancellationToken ct, MissingDatabase ifMissing = MissingDatabase.Create)
    {
        var migrations = await _source.LoadAsync(_provider.Dialect, ct).ConfigureAwait(false);
        return (migrations, await _provider.OpenAsync(_options.Session with { IfMissing = ifMissing }, ct).ConfigureAwait(false));
    }

    private async Task<IAsyncDisposable> AcquireLockAsync(IDatabaseSession session, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var waited = false;
        var progress = new LockProgress(holder =>
        {
            waited = true;
            _observer.OnLockWaiting(holder);
        });
        var held = await session.Lock.AcquireAsync(_options.LockTimeout, progress, ct).ConfigureAwait(false);
        if (waited)
        {
            _observer.OnLockAcquired(clock.Elapsed);
        }

        return held;
    }

    /// <summary>
    /// The status from the history. With <paramref name="refuseForeign"/> (status, migrate), an empty history in a
    /// database another tool migrated stops with exit 2 naming <c>strata adopt</c>, instead of reading as "all pending".
    /// </summary>
    private async Task<StatusReport> ReadStatusAsync(IDatabaseSession session, IReadOnlyList<Migration> migrations, CancellationToken ct, bool refuseForeign = false)
    {
        var history = await ReadHistoryAsync(session, ct).ConfigureAwait(false);
        if (refuseForeign && history.Count == 0 && session is Adoption.IForeignHistoryReader reader)
        {
            await Adoption.ForeignHistoryGuard.RefuseIfForeignAsync(reader, ct).ConfigureAwait(false);
        }

        var status = StatusBuilder.Build(migrations, history, _options.GateEnvironment);
        return status.Count(MigrationStatusKind.Unfinished) == 0
            ? status
            : new StatusReport(status.Entries, status.Environment)
            {
                InvalidIndexes = await session.Inspector.FindInvalidIndexesAsync(ct).ConfigureAwait(false),
            };
    }

    /// <summary>Strata's history; a configured table that is another tool's (knex_migrations) is exit 2 naming that tool.</summary>
    private static async Task<IReadOnlyList<History.AppliedMigration>> ReadHistoryAsync(IDatabaseSession session, CancellationToken ct)
    {
        try
        {
            return await session.History.ReadAsync(ct).ConfigureAwait(false);
        }
        catch (StrataException e) when (e.Category is ErrorCategory.BadInput or ErrorCategory.MigrationFailed && Adoption.ForeignTables.Owner(session.History.Name) is { } tool)
        {
            throw Adoption.ForeignHistoryGuard.NotStrataTable(session.History.Name, tool, e);
        }
    }

    /// <summary>How a read opens a database that does not exist: never by creating it.</summary>
    private MissingDatabase ReadingMissing => _options.OnMissingDatabase == MissingDatabase.Refuse ? MissingDatabase.Refuse : MissingDatabase.ReadAsEmpty;

    private static int NextBatch(StatusReport status) =>
        status.Entries.Select(e => e.Applied?.Batch ?? 0).DefaultIfEmpty(0).Max() + 1;

    private sealed class LockProgress(Action<LockHolder> action) : IProgress<LockHolder>
    {
        public void Report(LockHolder value) => action(value);
    }
}
