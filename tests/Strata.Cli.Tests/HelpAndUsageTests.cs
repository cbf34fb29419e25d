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
        var unknown = await Cli().RunAsync("migrat");
        var badValue = await Cli().RunAsync("rollback", "--steps", "many");

        unknown.ExitCode.ShouldBe(2);
        unknown.Stderr.ShouldContain("migrat");
        unknown.Stderr.ShouldContain("--help");
        badValue.ExitCode.ShouldBe(2);
        badValue.Stderr.ShouldContain("many");
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
