namespace Strata.Cli.Tests;

/// <summary><c>--password-file</c> and <c>--require-tls</c> as the CLI parses and reports them (R22, R24c).</summary>
public sealed class ConnectionOptionsTests
{
    [Fact]
    public async Task Require_tls_refuses_a_plaintext_remote_database_with_exit_5_before_connecting()
    {
        using var workspace = new Workspace().Write("001_a.sql", "SELECT 1;");
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "postgres://app@db.invalid:5432/shop?sslmode=prefer");

        var refused = await cli.RunAsync("status", "--require-tls");
        var warned = await cli.RunAsync("validate", "--lock-timeout", "1");

        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain("refused to connect to db.invalid without TLS (sslmode prefer)");
        refused.Stderr.ShouldNotContain("cannot connect", Case.Sensitive, "the refusal comes before any connection attempt");
        warned.Stderr.ShouldContain("warning: the connection to db.invalid does not require TLS (sslmode prefer)");
    }

    [Fact]
    public async Task A_development_password_equal_to_the_user_hides_the_user_says_why_and_leaves_the_scheme_alone()
    {
        using var workspace = new Workspace().Write("001_a.sql", "SELECT 1;");
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "postgres://postgres:postgres@127.0.0.1:1/shop?connect_timeout=2");

        var result = await cli.RunAsync("status");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("cannot connect to PostgreSQL at 127.0.0.1:1 (database 'shop', user '***')");
        result.ToString().ShouldNotContain("***://");
        result.Stderr.ShouldContain("note: the user name is shown as *** because it equals the password");
        System.Text.RegularExpressions.Regex.Matches(result.ToString(), @"(?<![A-Za-z_])postgres(?![A-Za-z_:])").ShouldBeEmpty("the password is never printed as a token");
    }

    [Fact]
    public async Task A_missing_password_file_is_exit_2_naming_the_file()
    {
        using var workspace = new Workspace().Write("001_a.sql", "SELECT 1;");
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "postgres://app@127.0.0.1:1/shop");

        var result = await cli.RunAsync("status", "--password-file", "secrets/db.txt");

        result.ExitCode.ShouldBe(2, result.ToString());
        result.Stderr.ShouldContain($"the password file {Path.Combine(workspace.Root, "secrets", "db.txt")} (from --password-file) does not exist");
    }

    [Fact]
    public async Task A_password_file_password_is_redacted_from_every_message()
    {
        using var workspace = new Workspace().Write("001_a.sql", "SELECT 1;");
        File.WriteAllText(Path.Combine(workspace.Root, "db.txt"), "Zq7$secret${HOME}\n");
        var cli = new Cli(workspace.Root).With("DATABASE_URL", "postgres://app@127.0.0.1:1/shop?connect_timeout=2");

        var result = await cli.RunAsync("status", "--password-file", "db.txt", "--verbose");

        result.ExitCode.ShouldBe(5, result.ToString());
        result.Stderr.ShouldContain("password ← --password-file " + Path.Combine(workspace.Root, "db.txt"));
        result.All.ShouldNotContain("Zq7$secret");
    }

    [Fact]
    public async Task Help_lists_both_options()
    {
        using var workspace = new Workspace();

        var help = await new Cli(workspace.Root).RunAsync("migrate", "--help");

        help.Stdout.ShouldContain("--password-file");
        help.Stdout.ShouldContain("--require-tls");
    }
}
