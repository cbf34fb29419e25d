using Strata.Sources;

namespace Strata.Lint;

/// <summary>
/// The static part of <c>strata lint</c>: reads each migration's up script with Strata's own lexer and reports the
/// statements that lose data, fail, or block traffic, each with its rule, why, and the safe alternative. Tables and
/// indexes created earlier in the same migration count as new (empty, unused), so changing them is not flagged.
/// Called by the CLI and usable from tests; never touches a database.
/// </summary>
public sealed class Linter
{
    private readonly LintOptions _options;

    /// <summary>Creates a linter with <paramref name="options"/> (defaults: PostgreSQL, engine lock_timeout on).</summary>
    public Linter(LintOptions? options = null) => _options = options ?? new LintOptions();

    /// <summary>
    /// Lints against a database's history: only migrations still to run (pending, out-of-order, outdated repeatables,
    /// and those skipped here because they are gated on another environment, which run where it is set) are reported, as one release whose previous release is what the database has applied (so tables they create
    /// are new); applied ones whose file was edited are <c>edited-applied</c> findings and pending ones older than the
    /// newest applied version <c>out-of-order</c> findings.
    /// </summary>
    public LintReport Lint(Planning.StatusReport history)
    {
        ArgumentNullException.ThrowIfNull(history);
        var folder = history.Entries.Where(e => e.Migration is not null).Select(e => e.Migration!).ToList();
        var toRun = history.Entries
            .Where(e => e.Migration is not null && e.Status is Planning.MigrationStatusKind.Pending or Planning.MigrationStatusKind.OutOfOrder or Planning.MigrationStatusKind.Outdated
                or Planning.MigrationStatusKind.Skipped)
            .Select(e => e.Migration!.SourcePath)
            .ToHashSet(StringComparer.Ordinal);
        // The previous release is what the database has applied; with nothing applied there is none to compare with,
        // and each migration is its own release (a fresh database must not make every table "new").
        var applied = history.Entries.Any(e => e.Status is Planning.MigrationStatusKind.Applied or Planning.MigrationStatusKind.Changed);
        var report = Lint(folder, new LintSelection { Report = toRun, Release = applied ? toRun : null });
        var findings = new List<LintFinding>(report.Findings);
        foreach (var entry in history.Entries.Where(e => e.Migration is not null))
        {
            var rule = entry.Status switch
            {
                Planning.MigrationStatusKind.Changed => LintRules.EditedApplied,
                Planning.MigrationStatusKind.OutOfOrder => LintRules.OutOfOrder,
                _ => null,
            };
            var severity = rule is null ? LintSeverity.Off : _options.SeverityOf(rule);
            if (rule is not null && severity != LintSeverity.Off)
            {
                findings.Add(new LintFinding(rule, severity, entry.Migration!.SourcePath, 0, 0, $"{entry.DisplayName}: {entry.Detail}", ""));
            }
        }

        return report with { Findings = findings };
    }

    /// <summary>
    /// Lints <paramref name="migrations"/> (their up scripts; C# migrations are skipped), each its own release. Throws
    /// <see cref="Errors.ConfigurationException"/> for a <c>strata:lint-ignore</c> comment naming an unknown rule.
    /// </summary>
    public LintReport Lint(IReadOnlyList<Migration> migrations) => Lint(migrations, LintSelection.Everything);

    /// <summary>
    /// Reads every migration of <paramref name="folder"/> in order (for the functions and tables they create) and
    /// reports the ones <paramref name="selection"/> names, with the objects its release creates counted as new.
    /// Throws <see cref="Errors.ConfigurationException"/> for a <c>strata:lint-ignore</c> comment naming an unknown
    /// rule in a reported file.
    /// </summary>
    public LintReport Lint(IReadOnlyList<Migration> folder, LintSelection selection)
    {
        ArgumentNullException.ThrowIfNull(folder);
        ArgumentNullException.ThrowIfNull(selection);
        var findings = new List<LintFinding>();
        var objects = new FolderObjects();
        var suppressed = 0;
        var files = 0;
        var previousInRelease = false;
        foreach (var migration in folder)
        {
            if (migration.Up is not SqlScript up)
            {
                continue;
            }

            var inRelease = selection.Release?.Contains(migration.SourcePath) ?? false;
            if (!inRelease || !previousInRelease)
            {
                objects.StartRelease();
            }

            previousInRelease = inRelease;
            if (selection.Report?.Contains(migration.SourcePath) == false)
            {
                Track(up, objects);
                continue;
            }

            files++;
            var found = new List<LintFinding>();
            suppressed += LintFile(migration, up, objects, found);
            findings.AddRange(found.OrderBy(f => f.Line == 0 ? int.MaxValue : f.Line).ThenBy(f => f.Column));
        }

        findings.AddRange(MixedWidths(folder).Where(f => selection.Report?.Contains(f.File) != false));
        return new LintReport(files, findings, suppressed);
    }

    /// <summary>
    /// Lints the files of a folder that did not load cleanly: every statement of every file that could be read
    /// (<paramref name="readable"/>, from <see cref="Errors.MigrationSourceException.Readable"/>), with each load
    /// problem as a <c>file-name</c> finding beside them, so one bad file never hides the findings of the others.
    /// </summary>
    public LintReport Lint(IReadOnlyList<Migration> readable, IReadOnlyList<Errors.Problem> problems)
    {
        ArgumentNullException.ThrowIfNull(readable);
        ArgumentNullException.ThrowIfNull(problems);
        return FileProblemFindings.Merge(Lint(readable), problems, [.. readable.Select(m => m.SourcePath)], _options.SeverityOf(LintRules.FileName));
    }

    /// <summary>A finding for each timestamp version (8 digits or more) whose width differs from the folder's most common one.</summary>
    private IEnumerable<LintFinding> MixedWidths(IReadOnlyList<Migration> migrations)
    {
        var stamps = migrations.Where(m => m.Version is { } v && Planning.VersionDates.Date(v) is not null).ToList();
        var widths = stamps.GroupBy(m => Planning.VersionDates.Digits(m.Version!.Value)).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).ToList();
        var severity = _options.SeverityOf(LintRules.MixedVersionWidths);
        if (widths.Count < 2 || severity == LintSeverity.Off)
        {
            yield break;
        }

        var usual = widths[0].Key;
        foreach (var m in widths.Skip(1).SelectMany(g => g))
        {
            yield return new LintFinding(LintRules.MixedVersionWidths, severity, m.SourcePath, 0, 0,
                $"{m.DisplayName}: version {Planning.VersionDates.Describe(m.Version!.Value)} has {Planning.VersionDates.Digits(m.Version.Value)} digits where {widths[0].Count()} other timestamp versions have {usual}, so it sorts by its width, not its date",
                "");
        }
    }

    /// <summary>Reads a migration that is not reported, for what it creates (a streamed one is skipped: too large to read twice).</summary>
    private void Track(SqlScript up, FolderObjects objects)
    {
        if (up.IsStreamed)
        {
            return;
        }

        var scope = new LintScope(_options.Dialect, up.Transactional, _options.EngineLockTimeout && up.Transactional, objects);
        foreach (var statement in up.Statements(_options.Dialect))
        {
            StatementChecks.Check(StatementView.Of(statement, _options.Dialect), scope);
        }
    }

    private int LintFile(Migration migration, SqlScript up, FolderObjects objects, List<LintFinding> findings)
    {
        var file = migration.SourcePath;
        var text = up.IsStreamed ? null : up.Sql;
        var fileIgnores = text is null ? [] : Suppressions.ParseFile(text, file);
        var scope = new LintScope(_options.Dialect, up.Transactional, _options.EngineLockTimeout && up.Transactional, objects) { OwnTransactions = up.ManagesTransactions };
        var suppressed = 0;
        var previousEnd = 0;
        foreach (var statement in up.Statements(_options.Dialect))
        {
            var view = StatementView.Of(statement, _options.Dialect);
            var line = up.FirstLine - 1 + statement.Line;
            scope.Hits.Clear();
            StatementChecks.Check(view, scope);
            var before = text is null ? "" : text[previousEnd..statement.Offset];
            var ignores = Suppressions.Parse(before + "\n" + statement.Text, file, line);
            foreach (var (rule, message) in scope.Hits)
            {
                suppressed += Add(findings, rule, file, line, statement.Column, message, view.FullText, ignores, fileIgnores);
            }

            previousEnd = statement.Offset + statement.Text.Length;
        }

        // A table rebuild (drop, then a new table renamed to the old name) keeps the rows the new table copied.
        findings.RemoveAll(f => f.Rule == LintRules.DropTable && scope.RebuiltTables.Any(t => f.Message == "drops table " + t));

        if (scope.FirstLock is { } ddl && scope.DataChanges.Count > 0)
        {
            var data = scope.DataChanges[0];
            var ddlLine = up.FirstLine - 1 + ddl.Statement.Line;
            suppressed += Add(findings, LintRules.MixedSchemaAndData, file, up.FirstLine - 1 + data.Statement.Line, data.Statement.Column,
                $"changes data of existing tables while the lock taken on line {ddlLine} is held (until the migration commits)", data.FullText, [], fileIgnores);
        }

        if (up.ManagesTransactions)
        {
            suppressed += Add(findings, LintRules.OwnTransactions, file, 0, 0, $"{migration.DisplayName} controls its own transactions: it runs as written, statement by statement", "", [], fileIgnores);
        }

        if (_options.DeclaredEnvironments is { } declared)
        {
            foreach (var unknown in Planning.EnvironmentGates.Check([migration], declared))
            {
                suppressed += Add(findings, LintRules.UnknownEnvironment, file, 0, 0, unknown.Message, "", [], fileIgnores);
            }
        }

        if (migration.Kind == MigrationKind.Versioned && migration.Down is null)
        {
            suppressed += Add(findings, LintRules.MissingDown, file, 0, 0, $"{migration.DisplayName} has no down script", "", [], fileIgnores);
        }

        return suppressed;
    }

    /// <summary>Adds a finding unless it is off or suppressed; returns 1 when a suppression silenced it.</summary>
    private int Add(List<LintFinding> findings, LintRule rule, string file, int line, int column, string message, string statement, HashSet<string> ignores, HashSet<string> fileIgnores)
    {
        var severity = _options.SeverityOf(rule);
        if (severity == LintSeverity.Off || !rule.AppliesTo(_options.Dialect))
        {
            return 0;
        }

        if (ignores.Contains(rule.Id) || fileIgnores.Contains(rule.Id))
        {
            return 1;
        }

        findings.Add(new LintFinding(rule, severity, file, line, column, message, statement));
        return 0;
    }
}
