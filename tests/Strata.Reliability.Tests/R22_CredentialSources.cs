using Npgsql;
using Strata.Conformance;
using Strata.Errors;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.TestSupport;

namespace Strata.Reliability.Tests;

/// <summary>
/// R22 Credential sources: the password reaches PostgreSQL from DATABASE_URL, the POSTGRES_* and PG* variables,
/// <c>--password-file</c> (warned about when others may read it), a pgpass file (PGPASSFILE or ~/.pgpass) and, in the
/// library, an <see cref="NpgsqlDataSource"/> password provider; a password on the command line works but is warned
/// about; the precedence is the documented one (password file, the database setting's own password, PGPASSWORD,
/// pgpass); a password with <c>$</c> and <c>${HOME}</c> in it is used verbatim; and no output holds it.
/// Every run is a real <c>strata</c> process against the shared test server, logging in as a role whose password is
/// only that hostile string.
/// </summary>
[System.Runtime.Versioning.SupportedOSPlatform("linux")]
public sealed class R22_CredentialSources : PostgresTestBase, IDisposable
{
    private readonly Canary _canary = new();
    private readonly TempDirectory _workspace = new();
    private TestRole? _role;

    /// <summary>Starts with <c>$</c>, holds <c>${HOME}</c> (expansion would change it) and the canary's URL and keyword breakers.</summary>
    private string Password => "$tart${HOME}" + _canary.Password;

    private TempDirectory Workspace => _workspace;

    private TestRole Role => _role ?? throw new InvalidOperationException("not initialised");

    public override async Task InitializeAsync()
    {
        await base.InitializeAsync();
        _role = await Database.CreateRoleAsync();
        await Server.ExecuteAsync($"ALTER ROLE \"{Role.Name}\" PASSWORD '{Password.Replace("'", "''", StringComparison.Ordinal)}'");
        await Server.ExecuteAsync($"ALTER DATABASE \"{Database.Name}\" OWNER TO \"{Role.Name}\"");
        Workspace.WriteFile("migrations/001_first.sql", "CREATE TABLE first (id int);\n");
    }

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task Every_source_logs_in_and_no_output_holds_the_password()
    {
        var (host, port) = PostgresUrl.Endpoint(Role.ConnectionString);
        var secret = PrivateFile("secret.txt", Password + "\n");
        var pgpass = PrivateFile("pgpass", $"*:*:*:{Role.Name}:{PgpassEscape(Password)}\n");
        Directory.CreateDirectory(Path.Combine(Workspace.Path, "home"));
        PrivateFile("home/.pgpass", $"*:*:*:{Role.Name}:{PgpassEscape(Password)}\n");
        var noPassword = PostgresUrl.From(Role.ConnectionString, password: "");

        var runs = await Task.WhenAll(
            RunAsync("DATABASE_URL", Vars(("DATABASE_URL", PostgresUrl.From(Role.ConnectionString, Password)))),
            RunAsync("POSTGRES_*", Vars(("POSTGRES_HOST", host), ("POSTGRES_PORT", port.ToString()), ("POSTGRES_USER", Role.Name), ("POSTGRES_PASSWORD", Password), ("POSTGRES_DB", Database.Name))),
            RunAsync("PG*", Vars(("PGHOST", host), ("PGPORT", port.ToString()), ("PGUSER", Role.Name), ("PGPASSWORD", Password), ("PGDATABASE", Database.Name))),
            RunAsync("DATABASE_URL without password + PGPASSWORD", Vars(("DATABASE_URL", noPassword), ("PGPASSWORD", Password))),
            RunAsync("--password-file", Vars(("DATABASE_URL", noPassword)), "--password-file", secret),
            RunAsync("PGPASSFILE", Vars(("DATABASE_URL", noPassword), ("PGPASSFILE", pgpass))),
            RunAsync("~/.pgpass", Vars(("DATABASE_URL", noPassword), ("HOME", Path.Combine(Workspace.Path, "home")))),
            RunAsync("--database with a password", Vars(), "--database", PostgresUrl.From(Role.ConnectionString, Password)));

        foreach (var (name, result) in runs)
        {
            result.ExitCode.ShouldBe(0, $"{name}:\n{result}");
            _canary.ShouldNotLeakInto(result, name);
            var commandLine = name == "--database with a password";
            result.Stderr.Contains("password was given on the command line", StringComparison.Ordinal).ShouldBe(commandLine, $"{name}:\n{result}");
            result.Stderr.ShouldNotContain("does not require TLS", Case.Sensitive, "a loopback connection draws no TLS warning");
        }

        (await Database.ScalarAsync<long>("SELECT count(*) FROM strata_migrations")).ShouldBe(1);
    }

    [Fact]
    public async Task A_password_file_others_can_read_works_with_a_warning_and_a_missing_one_is_exit_2()
    {
        var loose = Workspace.WriteFile("loose.txt", Password);
        File.SetUnixFileMode(loose, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var noPassword = Vars(("DATABASE_URL", PostgresUrl.From(Role.ConnectionString, password: "")));

        var (_, warned) = await RunAsync("loose", noPassword, "--password-file", loose);
        var (_, missing) = await RunAsync("missing", noPassword, "--password-file", "absent.txt");

        warned.ExitCode.ShouldBe(0, warned.ToString());
        warned.Stderr.ShouldContain($"the password file {loose} can be read or changed by other users (mode 0644, wider than 0600)");
        warned.Stderr.ShouldContain($"chmod 600 {loose}");
        missing.ExitCode.ShouldBe(2, missing.ToString());
        missing.Stderr.ShouldContain($"the password file {Path.Combine(Workspace.Path, "absent.txt")} (from --password-file) does not exist");
        _canary.ShouldNotLeakInto(warned, "loose");
        _canary.ShouldNotLeakInto(missing, "missing");
    }

    [Fact]
    public async Task Precedence_is_password_file_then_the_settings_own_password_then_pgpassword_then_pgpass()
    {
        var secret = PrivateFile("secret.txt", Password + "\n");
        var goodPgpass = PrivateFile("good.pgpass", $"*:*:*:{Role.Name}:{PgpassEscape(Password)}\n");
        var badPgpass = PrivateFile("bad.pgpass", $"*:*:*:{Role.Name}:wrong\n");
        var wrongUrl = PostgresUrl.From(Role.ConnectionString, "wrong-password");
        var rightUrl = PostgresUrl.From(Role.ConnectionString, Password);
        var noPassword = PostgresUrl.From(Role.ConnectionString, password: "");

        var runs = await Task.WhenAll(
            RunAsync("file over URL", Vars(("DATABASE_URL", wrongUrl)), "--password-file", secret, "--verbose"),
            RunAsync("URL over PGPASSWORD", Vars(("DATABASE_URL", rightUrl), ("PGPASSWORD", "wrong-password"))),
            RunAsync("PGPASSWORD over pgpass", Vars(("DATABASE_URL", noPassword), ("PGPASSWORD", Password), ("PGPASSFILE", badPgpass))),
            RunAsync("pgpass loses to PGPASSWORD", Vars(("DATABASE_URL", noPassword), ("PGPASSWORD", "wrong-password"), ("PGPASSFILE", goodPgpass))),
            RunAsync("URL loses to the file", Vars(("DATABASE_URL", rightUrl)), "--password-file", Workspace.WriteFile("wrong.txt", "wrong-password")));

        var byName = runs.ToDictionary(r => r.Name, r => r.Result);
        byName["file over URL"].ExitCode.ShouldBe(0, byName["file over URL"].ToString());
        byName["file over URL"].Stderr.ShouldContain("password ← --password-file " + secret);
        byName["URL over PGPASSWORD"].ExitCode.ShouldBe(0, byName["URL over PGPASSWORD"].ToString());
        byName["PGPASSWORD over pgpass"].ExitCode.ShouldBe(0, byName["PGPASSWORD over pgpass"].ToString());
        foreach (var loser in new[] { "pgpass loses to PGPASSWORD", "URL loses to the file" })
        {
            byName[loser].ExitCode.ShouldBe(5, $"{loser}:\n{byName[loser]}");
            byName[loser].Stderr.ShouldContain("password authentication failed", Case.Sensitive, byName[loser].ToString());
        }

        foreach (var (name, result) in runs)
        {
            _canary.ShouldNotLeakInto(result, name);
        }
    }

    [Fact]
    public async Task The_library_takes_the_password_from_a_data_source_password_provider()
    {
        var calls = 0;
        var token = Password;
        // Unpooled, so that every connection logs in and asks the provider (a pooled one asks for each new physical connection).
        var builder = new NpgsqlDataSourceBuilder(new NpgsqlConnectionStringBuilder(Role.ConnectionString) { Password = null, Pooling = false }.ConnectionString);
        builder.UsePasswordProvider(
            _ => { Interlocked.Increment(ref calls); return token; },
            (_, _) => { Interlocked.Increment(ref calls); return ValueTask.FromResult(token); });
        await using var dataSource = builder.Build();
        var migrations = new MigrationSet().Add(1, "first", "CREATE TABLE first (id int);");

        var result = await new Migrator(new PostgreSqlDialect(dataSource), migrations).MigrateAsync();

        result.FilesExecuted.ShouldBe(1);
        calls.ShouldBeGreaterThan(0, "every connection asked the provider");
        token = "expired-token";
        var error = await Should.ThrowAsync<DatabaseUnavailableException>(() => new Migrator(new PostgreSqlDialect(dataSource), migrations).GetStatusAsync());
        error.Message.ShouldContain("password authentication failed");
        _canary.Forms().ShouldAllBe(form => !error.ToString().Contains(form, StringComparison.Ordinal));
    }

    private static Dictionary<string, string> Vars(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(v => v.Name, v => v.Value, StringComparer.Ordinal);

    /// <summary>libpq's pgpass escaping: backslash before <c>:</c> and <c>\</c>.</summary>
    private static string PgpassEscape(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace(":", "\\:", StringComparison.Ordinal);

    private string PrivateFile(string relativePath, string text)
    {
        var path = Workspace.WriteFile(relativePath, text);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>Runs <c>strata migrate</c> with only <paramref name="variables"/> (the process's own database variables removed).</summary>
    private async Task<(string Name, CliResult Result)> RunAsync(string name, Dictionary<string, string> variables, params string[] options) =>
        (name, await StrataProcess.RunAsync(Workspace.Path, variables, TimeSpan.FromSeconds(90), ["migrate", "--lock-timeout", "60", .. options]));
}
