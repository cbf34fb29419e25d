using Strata.Lint;
using Strata.Planning;
using Strata.Tests.Sources;

namespace Strata.Tests.Lint;

/// <summary>Lint rules about the shape of a folder and of a file as a whole (issues 12 item 20 and 13).</summary>
public sealed class FolderRulesTests
{
    [Fact]
    public async Task A_fourteen_digit_version_among_seventeen_digit_ones_is_reported_with_its_date()
    {
        using var folder = new TempMigrationFolder()
            .Write("20261205090000000_a.sql", "SELECT 1;")
            .Write("20261205100000000_b.sql", "SELECT 1;")
            .Write("20261206120000_c.sql", "SELECT 1;");

        var findings = new Linter().Lint(await folder.LoadAsync()).Findings.Where(f => f.Rule == LintRules.MixedVersionWidths).ToList();

        var finding = findings.ShouldHaveSingleItem();
        finding.Message.ShouldContain("20261206120000 (2026-12-06 12:00:00) has 14 digits where 2 other timestamp versions have 17");
    }

    [Fact]
    public async Task Unpadded_sequence_numbers_are_not_mixed_widths()
    {
        using var folder = new TempMigrationFolder().Write("1_a.sql", "SELECT 1;").Write("10_b.sql", "SELECT 1;").Write("100_c.sql", "SELECT 1;");

        new Linter().Lint(await folder.LoadAsync()).Findings.ShouldNotContain(f => f.Rule == LintRules.MixedVersionWidths);
    }

    [Fact]
    public async Task A_file_managing_its_own_transactions_gets_a_note()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_own.sql", "CREATE TABLE t (a int);\nCOMMIT;\nCREATE TABLE u (a int);\n")
            .Write("2_wrapped.sql", "BEGIN;\nCREATE TABLE v (a int);\nCOMMIT;\n");

        var findings = new Linter().Lint(await folder.LoadAsync()).Findings.Where(f => f.Rule == LintRules.OwnTransactions).ToList();

        findings.ShouldHaveSingleItem().Message.ShouldStartWith("1_own controls its own transactions");
        findings[0].Severity.ShouldBe(LintSeverity.Note);
    }

    [Fact]
    public async Task A_lock_in_a_file_running_its_own_transactions_says_why_no_lock_timeout_is_in_force()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_t.sql", "CREATE TABLE t (a int);\n")
            .Write("2_own.sql", "ALTER TABLE t ADD COLUMN b int;\nCOMMIT;\nBEGIN;\nALTER TABLE t DROP COLUMN b;\nCOMMIT;\n");

        var findings = new Linter(new LintOptions { Dialect = Dialect.PostgreSql, EngineLockTimeout = true })
            .Lint(await folder.LoadAsync(Dialect.PostgreSql))
            .Findings.Where(f => f.Rule == LintRules.MissingLockTimeout).ToList();

        findings.ShouldNotBeEmpty();
        findings.ShouldAllBe(f => f.Message.EndsWith("(the file runs its own transactions, so Strata sets no lock_timeout)", StringComparison.Ordinal));
    }

    [Fact]
    public void Out_of_order_details_compare_timestamp_versions_as_dates()
    {
        VersionDates.OlderThan(20261206120000, 20261205100000000).ShouldBe(
            "older than the newest applied version 20261205100000000 (2026-12-05 10:00:00): its date 2026-12-06 12:00:00 is later, "
            + "but it has 14 digits where the applied versions have 17, and versions compare as numbers; rename it with a 17-digit version (strata new picks one)");
        VersionDates.OlderThan(3, 7).ShouldBe("older than the newest applied version 7");
    }
}
