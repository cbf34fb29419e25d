using Strata.Execution;
using Strata.Lint;
using Strata.Planning;

namespace Strata.Studio;

/// <summary>The migrations view: the engine's status report (history and pending) and the lint findings of what is pending.</summary>
internal static class MigrationsView
{
    public static async Task<MigrationsJson> ReadAsync(Func<Migrator> migrations, LintOptions? lint, CancellationToken ct)
    {
        var status = await migrations().GetStatusAsync(ct);
        var report = new Linter(lint).Lint(status);
        var entries = status.Entries.Select(e => new MigrationJson(e.Version, e.DisplayName, Name(e.Status), e.Applied?.AppliedAt, e.Detail)).ToList();
        var findings = report.Findings.Select(f => new FindingJson(f.Rule.Id, f.Severity.ToString().ToLowerInvariant(), f.Location, f.Message, f.StatementFirstLine)).ToList();
        return new MigrationsJson(entries, findings, status.Environment);
    }

    private static string Name(MigrationStatusKind status) => status.ToString().ToLowerInvariant();
}
