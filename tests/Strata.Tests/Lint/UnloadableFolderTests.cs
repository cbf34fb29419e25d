using Strata.Errors;
using Strata.Lint;
using Strata.Tests.Sources;

namespace Strata.Tests.Lint;

/// <summary>One bad file must not hide the statement findings of the others (issue 18, item 1).</summary>
public sealed class UnloadableFolderTests
{
    [Fact]
    public async Task A_folder_with_bad_files_still_lints_every_statement_of_every_readable_file()
    {
        using var folder = new TempMigrationFolder()
            .Write("001_psql_script.sql", "\\set ON_ERROR_STOP on\nALTER TABLE users DROP COLUMN email;\n\\unset x\n")
            .Write("002_fine.sql", "CREATE INDEX users_name ON users (name);\n")
            .Write("003_a.sql", "DROP TABLE sessions;\n")
            .Write("003_b.sql", "SELECT 3;\n")
            .Write("V4__misnamed.sql", "SELECT 4;\n");
        var failure = await Should.ThrowAsync<MigrationSourceException>(() => folder.LoadAsync());

        failure.Readable.Select(m => m.DisplayName).ShouldBe(["001_psql_script", "002_fine", "003_a", "003_b"]);
        var report = new Linter(new LintOptions()).Lint(failure.Readable, failure.Problems);

        var found = report.Findings.Select(f => (File: Path.GetFileName(f.File), f.Rule.Id)).ToList();
        found.ShouldContain(("001_psql_script.sql", "file-name"));
        found.ShouldContain(("001_psql_script.sql", "drop-column"));
        found.ShouldContain(("002_fine.sql", "create-index-non-concurrently"));
        found.ShouldContain(("003_a.sql", "drop-table"));
        found.ShouldContain(("003_a.sql", "file-name"));
        found.ShouldContain(("V4__misnamed.sql", "file-name"));
        report.Files.ShouldBe(5);
    }

    [Fact]
    public async Task File_problems_and_statement_findings_of_one_file_are_listed_together_by_line()
    {
        using var folder = new TempMigrationFolder()
            .Write("001_psql_script.sql", "\\set ON_ERROR_STOP on\nALTER TABLE users DROP COLUMN email;\n\\unset x\n")
            .Write("002_fine.sql", "DROP TABLE sessions;\n");
        var failure = await Should.ThrowAsync<MigrationSourceException>(() => folder.LoadAsync());

        var report = new Linter(new LintOptions()).Lint(failure.Readable, failure.Problems);

        report.Findings.Select(f => $"{Path.GetFileName(f.File)}:{f.Line} {f.Rule.Id}").ShouldBe(
        [
            "001_psql_script.sql:1 file-name",
            "001_psql_script.sql:2 drop-column",
            "001_psql_script.sql:3 file-name",
            "001_psql_script.sql:0 missing-down",
            "002_fine.sql:1 drop-table",
            "002_fine.sql:0 missing-down",
        ]);
    }

    [Fact]
    public async Task A_psql_meta_command_finding_points_to_its_message_not_to_renaming_the_file()
    {
        using var folder = new TempMigrationFolder().Write("001_seed.sql", "CREATE TABLE t (id int);\n\\i other.sql\n");
        var failure = await Should.ThrowAsync<MigrationSourceException>(() => folder.LoadAsync());

        var finding = new Linter(new LintOptions()).Lint(failure.Readable, failure.Problems).Findings.Single(f => f.Rule.Id == "file-name");

        finding.Message.ShouldContain("psql meta-command \\i is not SQL");
        finding.Rule.Why.ShouldContain("psql meta-command");
        finding.Rule.Instead.ShouldStartWith("do what the message says; a misnamed file: rename it");
    }
}
