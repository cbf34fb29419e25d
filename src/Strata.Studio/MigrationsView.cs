using Strata.Execution;
using Strata.Lint;
using Strata.Planning;
using Strata.Sources;

namespace Strata.Studio;

/// <summary>
/// The migrations view: the engine's status report (history and pending, with each file's SQL and both checksums, so
/// a changed file shows as drift), the lint findings of what is pending, and who holds the migration lock.
/// </summary>
internal static class MigrationsView
{
    private const int MaxSql = 20_000;

    public static async Task<MigrationsJson> ReadAsync(Func<Migrator> migrations, LintOptions? lint, Task<LockJson> lockHolder, CancellationToken ct)
    {
        var status = await migrations().GetStatusAsync(ct);
        var report = new Linter(lint).Lint(status);
        var entries = status.Entries.Select(Entry).ToList();
        var findings = report.Findings.Select(f => new FindingJson(f.Rule.Id, f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.StatementFirstLine)).ToList();
        return new MigrationsJson(entries, findings, status.Environment) { Lock = await lockHolder };
    }

    private static MigrationJson Entry(MigrationStatusEntry e) => new(e.Version, e.DisplayName, e.Status.ToString().ToLowerInvariant(), e.Applied?.AppliedAt, e.Detail)
    {
        Path = e.Migration?.Up.SourcePath,
        Sql = Text(e.Migration?.Up),
        Down = Text(e.Migration?.Down),
        Checksum = e.Migration?.Checksum,
        AppliedChecksum = e.Applied?.Checksum,
        Transactional = e.Migration?.Up.Transactional ?? true,
    };

    private static string? Text(MigrationScript? script) => script switch
    {
        SqlScript sql => sql.Preview(MaxSql),
        null => null,
        _ => "(a code migration: " + script.GetType().Name + ")",
    };
}
