namespace Strata.Cli.Tests;

/// <summary>strata.json <c>"layout"</c>: another tool's folder read in place by the CLI (issue 13 item 2).</summary>
public sealed class LayoutSettingTests
{
    [Fact]
    public async Task A_dbmate_folder_named_in_strata_json_migrates_and_rolls_back_unchanged()
    {
        using var workspace = Dbmate("dbmate");
        var cli = workspace.Cli();

        var migrate = await cli.RunAsync("migrate");
        var rollback = await cli.RunAsync("rollback", "--steps", "1");
        var status = await cli.RunAsync("status");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("20151129054053_create_users");
        migrate.Stdout.ShouldContain("Applied 2 migrations");
        rollback.ExitCode.ShouldBe(0, rollback.ToString());
        rollback.Stdout.ShouldContain("20200227231541_add_email");
        status.ExitCode.ShouldBe(3, status.ToString());
        status.Stdout.ShouldContain("pending");
    }

    [Fact]
    public async Task Auto_layout_recognises_the_dbmate_folder()
    {
        using var workspace = Dbmate("auto");

        var migrate = await workspace.Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        migrate.Stdout.ShouldContain("Applied 2 migrations");
    }

    [Fact]
    public async Task The_dbmate_folder_without_the_setting_is_refused_naming_the_layout_and_the_setting()
    {
        using var workspace = Dbmate(layout: null);

        var migrate = await workspace.Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(2, migrate.ToString());
        migrate.Stderr.ShouldContain("laid out the way dbmate writes them; to read them in place set \"layout\": \"dbmate\" in strata.json");
    }

    [Fact]
    public async Task An_unknown_layout_name_is_exit_2_listing_the_layouts()
    {
        using var workspace = Dbmate("dbmat");

        var migrate = await workspace.Cli().RunAsync("migrate");

        migrate.ExitCode.ShouldBe(2, migrate.ToString());
        migrate.Stderr.ShouldContain("\"layout\": \"dbmat\" is not a layout Strata reads");
        migrate.Stderr.ShouldContain("golang-migrate");
    }

    private static Workspace Dbmate(string? layout)
    {
        var workspace = new Workspace()
            .Write("20151129054053_create_users.sql", "-- migrate:up\nCREATE TABLE users (id INTEGER);\n\n-- migrate:down\nDROP TABLE users;\n")
            .Write("20200227231541_add_email.sql", "-- migrate:up\nALTER TABLE users ADD email TEXT;\n\n-- migrate:down\nALTER TABLE users DROP COLUMN email;\n");
        var setting = layout is null ? "" : $", \"layout\": \"{layout}\"";
        File.WriteAllText(Path.Combine(workspace.Root, "strata.json"), $"{{ \"migrations\": \"migrations\"{setting} }}");
        return workspace;
    }
}
