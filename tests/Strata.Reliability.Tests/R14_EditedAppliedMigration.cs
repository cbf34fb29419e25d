using Strata.Reliability.Tests.Integrity;

namespace Strata.Reliability.Tests;

/// <summary>
/// R14 — edited applied migration: one character changed inside a string literal of an applied file (also a
/// whitespace-only change inside a literal, the blind spot of whitespace-normalising checksums) makes
/// <c>validate</c> and <c>migrate</c> exit 2 before any SQL runs, naming the file and both checksums.
/// Real <c>strata</c> processes on PostgreSQL and SQLite.
/// </summary>
public sealed class R14_EditedAppliedMigration
{
    private const string Applied = "CREATE TABLE greetings (id int, greeting varchar(40) DEFAULT 'hello world');\n"
        + "INSERT INTO greetings (id) VALUES (1);\n\n-- strata:down\nDROP TABLE greetings;\n";

    /// <summary>Each engine with each edit; the full size adds more whitespace-only edits.</summary>
    public static TheoryData<Engine, string, string> Edits()
    {
        var edits = new List<(string, string)> { ("one character", "'hello World'"), ("whitespace only", "'hello  world'") };
        if (ReliabilitySize.Full)
        {
            edits.AddRange([("tab for space", "'hello\tworld'"), ("trailing space", "'hello world '"), ("line break", "'hello\nworld'")]);
        }

        var data = new TheoryData<Engine, string, string>();
        foreach (var engine in new[] { Engine.PostgreSql, Engine.Sqlite })
        {
            foreach (var (edit, literal) in edits)
            {
                data.Add(engine, edit, literal);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Edits))]
    public async Task An_edit_inside_a_string_literal_stops_validate_and_migrate_with_exit_2_before_any_sql(Engine engine, string edit, string literal)
    {
        await using var scene = await Scene.CreateAsync(engine);
        scene.Write("001_greetings.sql", Applied);
        scene.Write("002_second.sql", "CREATE TABLE second (id int);\n");
        var first = await scene.RunAsync("migrate");
        first.ExitCode.ShouldBe(0, first.ToString());
        var stored = (await scene.Database.ChecksumAsync(1)).ShouldNotBeNull();
        stored.ShouldBe(Checksums.Of(scene.Read("001_greetings.sql")));

        scene.Write("001_greetings.sql", Applied.Replace("'hello world'", literal, StringComparison.Ordinal));
        scene.Write("003_later.sql", "CREATE TABLE must_not_exist (id int);\n");
        var actual = Checksums.Of(scene.Read("001_greetings.sql"));
        actual.ShouldNotBe(stored, edit);

        var runs = await Task.WhenAll(scene.RunAsync("validate"), scene.RunAsync("migrate", "--json"));

        foreach (var (run, result) in new[] { ("validate", runs[0]), ("migrate --json", runs[1]) })
        {
            result.ExitCode.ShouldBe(2, $"{edit}, {run}\n{result}");
            result.Stderr.ShouldContain("migrations/001_greetings.sql", Case.Sensitive, $"{edit}, {run}: the file is named");
            Checksums.ShownIn(result.Stderr, stored).ShouldNotBeNull($"{edit}, {run}: the applied checksum {stored} is shown\n{result}");
            Checksums.ShownIn(result.Stderr, actual).ShouldNotBeNull($"{edit}, {run}: the file's checksum {actual} is shown\n{result}");
            result.Stderr.ShouldNotContain("002_second.sql", Case.Sensitive, $"{edit}, {run}: only the edited file is blamed");
            result.Stdout.ShouldNotContain(" ok ", Case.Sensitive, $"{edit}, {run}: nothing ran");
        }

        runs[1].Stdout.ShouldContain("\"exitCode\": 2");
        runs[1].Stdout.ShouldContain("migrations/001_greetings.sql");
        (await scene.Database.TableExistsAsync("must_not_exist")).ShouldBeFalse("no SQL of the pending migration ran");
        (await scene.Database.HistoryVersionsAsync()).ShouldBe([1L, 2L]);
        (await scene.Database.ChecksumAsync(1)).ShouldBe(stored, "the history keeps the applied checksum");
        (await scene.Database.TextAsync("SELECT greeting FROM greetings WHERE id = 1")).ShouldBe("hello world");
    }
}
