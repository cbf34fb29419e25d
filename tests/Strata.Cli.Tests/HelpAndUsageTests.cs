namespace Strata.Cli.Tests;

public sealed class HelpAndUsageTests
{
    private static Cli Cli() => new(Path.GetTempPath());

    [Fact]
    public async Task Root_help_lists_every_command_and_the_exit_codes()
    {
        var result = await Cli().RunAsync("--help");

        result.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "init", "new", "migrate", "status", "rollback", "redo", "validate", "baseline", "mark-applied", "mark-rolled-back", "repair" })
        {
            result.Stdout.ShouldContain(command);
        }

        result.Stdout.ShouldContain("Exit codes: 0 ok");
        result.Stdout.ShouldContain("--database");
    }

    [Fact]
    public async Task A_value_of_the_wrong_type_is_named_in_words_not_dotnet_types()
    {
        var result = await Cli().RunAsync("rollback", "--steps", "abc");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("Cannot parse argument 'abc' for option '--steps' as a whole number.");
        result.Stderr.ShouldNotContain("System.");
    }

    [Fact]
    public async Task Command_help_teaches_its_options()
    {
        var migrate = await Cli().RunAsync("migrate", "--help");
        var rollback = await Cli().RunAsync("rollback", "--help");

        migrate.Stdout.ShouldContain("--dry-run");
        migrate.Stdout.ShouldContain("--target");
        migrate.Stdout.ShouldContain("--allow-out-of-order");
        rollback.Stdout.ShouldContain("--steps");
        rollback.Stdout.ShouldContain("--to");
    }

    [Fact]
    public async Task Unknown_commands_and_bad_options_exit_2_with_a_pointer_to_help()
    {
        var unknown = await Cli().RunAsync("frobnicate");
        var badValue = await Cli().RunAsync("rollback", "--steps", "many");

        unknown.ExitCode.ShouldBe(2);
        unknown.Stderr.Trim().ShouldBe("error: unknown command 'frobnicate': run `strata --help` for the list of commands");
        badValue.ExitCode.ShouldBe(2);
        badValue.Stderr.ShouldContain("many");
        badValue.Stderr.ShouldContain("strata rollback --help");
    }

    [Theory]
    [InlineData("migrat", "migrate")]
    [InlineData("stauts", "status")]
    [InlineData("rolback", "rollback")]
    [InlineData("migrate:latest", "migrate")]
    [InlineData("migrate:rollback", "rollback")]
    [InlineData("migrate:make", "new")]
    [InlineData("migrate:status", "status")]
    [InlineData("migrate:fake", "mark-applied")]
    [InlineData("db:push", "push")]
    [InlineData("db:generate", "generate")]
    public async Task A_typoed_or_foreign_command_is_one_line_with_did_you_mean_and_exit_2(string typed, string meant)
    {
        var result = await Cli().RunAsync(typed);

        result.ExitCode.ShouldBe(2);
        var lines = result.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.Length.ShouldBe(1, result.ToString());
        lines[0].ShouldStartWith($"error: unknown command '{typed}'");
        lines[0].ShouldEndWith($"did you mean `{meant}`?");
    }

    [Fact]
    public async Task A_typoed_subcommand_or_option_names_the_nearest_one()
    {
        var subcommand = await Cli().RunAsync("test-db", "creat");
        var option = await Cli().RunAsync("rollback", "--step", "2");
        var dryRun = await Cli().RunAsync("migrate", "--dryrun");

        subcommand.ExitCode.ShouldBe(2);
        subcommand.Stderr.Trim().ShouldBe("error: unknown command 'creat': did you mean `test-db create`?");
        option.ExitCode.ShouldBe(2);
        option.Stderr.Trim().ShouldBe("error: unknown option '--step' for `strata rollback`: did you mean `--steps`?");
        dryRun.Stderr.Trim().ShouldBe("error: unknown option '--dryrun' for `strata migrate`: did you mean `--dry-run`?");
    }

    [Fact]
    public async Task A_runners_flag_for_what_is_a_command_here_points_to_the_command()
    {
        var result = await Cli().RunAsync("migrate", "--rollback", "2");

        result.ExitCode.ShouldBe(2);
        result.Stderr.Trim().ShouldBe("error: unknown option '--rollback' for `strata migrate`: did you mean the command `strata rollback 2`?");
    }

    [Fact]
    public async Task A_usage_error_with_json_prints_an_error_object_on_stdout()
    {
        var result = await Cli().RunAsync("stauts", "--json");

        result.ExitCode.ShouldBe(2);
        using var json = System.Text.Json.JsonDocument.Parse(result.Stdout);
        var error = json.RootElement.GetProperty("error");
        error.GetProperty("exitCode").GetInt32().ShouldBe(2);
        error.GetProperty("message").GetString().ShouldBe("unknown command 'stauts': did you mean `status`?");
    }

    [Fact]
    public async Task Migrate_with_a_positional_version_says_how_to_target_it()
    {
        var result = await Cli().RunAsync("migrate", "5");

        result.ExitCode.ShouldBe(2);
        result.Stderr.Trim().ShouldBe("error: `strata migrate` does not take the argument '5': to apply up to a version use `strata migrate --target 5`");
    }

    [Fact]
    public async Task Version_prints_a_version()
    {
        var result = await Cli().RunAsync("--version");

        result.ExitCode.ShouldBe(0);
        result.Stdout.Trim().ShouldStartWith("0.1.0");
    }

    [Fact]
    public async Task No_configured_database_is_exit_2_with_a_hint()
    {
        using var workspace = new Workspace();
        var result = await new Cli(workspace.Root).RunAsync("status");

        result.ExitCode.ShouldBe(2);
        result.Stderr.ShouldContain("no database configured");
        result.Stderr.ShouldContain("DATABASE_URL");
    }
}
