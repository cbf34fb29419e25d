using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Strata.Configuration;
using Strata.Errors;
using Strata.Execution;
using Strata.PostgreSql;
using Strata.Reliability.Tests.Integrity;
using Strata.Sources;

namespace Strata.Reliability.Tests;

/// <summary>
/// R21 — canary redaction: every command (init, new, migrate, status, rollback, redo, validate, baseline,
/// mark-applied, mark-rolled-back, repair, --help, --version) and every failure path (bad host, refused and dropped
/// connections, bad password, malformed URL with unescaped <c>@:/%</c>, TLS refused, SQL error, lock timeout,
/// --verbose, --json, an internal error) run as real strata processes with a canary password
/// (<c>Pw$9;'"@:/%x</c> + 24 random characters). Searched: stdout, stderr, every file in the working folder
/// (strata.json from init, migrations from new), every column of every row of strata_migrations and
/// strata_migrations_audit, and ToString() of configuration objects and exceptions, for the canary, its URL-encoded
/// and base64 forms and every 4+ character piece of its random part. Expected: zero hits.
/// </summary>
public sealed class R21_CanaryRedaction
{
    private static readonly int[] Ok = [0];
    private static readonly int[] BadInput = [2];
    private static readonly int[] Failed = [4];
    private static readonly int[] Unavailable = [5];
    private static readonly Dictionary<string, string> NoVariables = [];

    /// <summary>The CLI's fault injection: an unexpected exception whose message carries the raw connection string.</summary>
    private static Dictionary<string, string> Faulty(Dictionary<string, string> env) =>
        new(env, StringComparer.Ordinal) { ["STRATA_FAULT_INJECTION"] = "internal-error" };

    [Fact]
    public async Task No_command_or_failure_path_shows_the_password_anywhere()
    {
        await using var world = await CanaryWorld.CreateAsync();
        world.Canary.FindIn("x" + world.Canary.RandomPart[7..11] + "y").ShouldNotBeNull("the detector finds a 4-character piece");
        world.Canary.FindIn(Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(world.Canary.Password))).ShouldNotBeNull("and the base64 form");

        await RunEveryCommandAsync(world);
        await RunFailurePathsAsync(world);

        var leaks = new List<string>();
        foreach (var (run, result) in world.Runs)
        {
            if (world.Canary.FindIn(result.Stdout) is { } outForm)
            {
                leaks.Add($"{run}: stdout holds '{outForm}'\n{result}");
            }

            if (world.Canary.FindIn(result.Stderr) is { } errForm)
            {
                leaks.Add($"{run}: stderr holds '{errForm}'\n{result}");
            }
        }

        leaks.AddRange(world.Canary.FindInFiles(world.Folder.Path));
        var rows = await world.StrataRowsAsync();
        rows.Count(r => r.StartsWith("strata_migrations_audit ", StringComparison.Ordinal)).ShouldBeGreaterThan(0, "the audit table was written");
        leaks.AddRange(rows.Where(r => world.Canary.FindIn(r) is not null).Select(r => "row " + r));
        leaks.ShouldBeEmpty($"{world.Runs.Count} runs searched; leaks:\n{string.Join("\n", leaks)}");
        world.Runs.Count.ShouldBeGreaterThanOrEqualTo(40);
    }

    [Fact]
    public async Task Configuration_objects_and_exceptions_do_not_show_the_password_in_ToString()
    {
        var canary = new TestSupport.Canary();
        var port = ClosedPort();
        var url = $"postgres://app:{canary.UrlEncoded}@127.0.0.1:{port}/appdb?application_name=r21";
        using var folder = new TestSupport.TempDirectory();
        var overrides = new ConfigurationOverrides { Database = url };
        var settings = ConfigurationResolver.Resolve(overrides, new Dictionary<string, string>(), folder.Path, TestSupport.TestDialects.All);
        var target = settings.RequireDatabase();
        target.Password.ShouldBe(canary.Password, "the resolver decoded the URL's password");
        var dialect = new PostgreSqlDialect(target.ConnectionString);
        var options = new MigratorOptions();

        canary.ShouldNotLeakInto(overrides.ToString(), "ConfigurationOverrides.ToString()");
        canary.ShouldNotLeakInto(settings.ToString(), "StrataSettings.ToString()");
        canary.ShouldNotLeakInto(target.ToString(), "DatabaseTarget.ToString()");
        canary.ShouldNotLeakInto(target.DisplayName, "DatabaseTarget.DisplayName");
        canary.ShouldNotLeakInto(string.Join("\n", settings.Origins.Select(o => o.ToString())), "StrataSettings.Origins");
        canary.ShouldNotLeakInto(string.Join("\n", settings.Warnings), "StrataSettings.Warnings");
        canary.ShouldNotLeakInto(dialect.ToString() ?? "", "PostgreSqlDialect.ToString()");
        canary.ShouldNotLeakInto(dialect.DisplayName, "PostgreSqlDialect.DisplayName");
        canary.ShouldNotLeakInto(options.ToString(), "MigratorOptions.ToString()");

        folder.WriteFile("migrations/1_t.sql", "CREATE TABLE t (id int);\n");
        var unreachable = await Should.ThrowAsync<DatabaseUnavailableException>(
            () => new Migrator(dialect, new DirectoryMigrationSource(Path.Combine(folder.Path, "migrations"))).MigrateAsync());
        canary.ShouldNotLeakInto(unreachable.ToString(), "DatabaseUnavailableException.ToString() (with its inner exception)");

        var malformed = Should.Throw<StrataException>(() => ConfigurationResolver.Resolve(
            new ConfigurationOverrides { Database = $"postgres://app:{canary.Password}@127.0.0.1:{port}/appdb" }, new Dictionary<string, string>(), folder.Path, TestSupport.TestDialects.All));
        canary.ShouldNotLeakInto(malformed.ToString(), "the malformed-URL exception's ToString()");
        var keywords = Should.Throw<StrataException>(() => ConfigurationResolver.Resolve(
            new ConfigurationOverrides { Database = $"Host=127.0.0.1;Port={port};Username=app;Password={canary.Password};Database=appdb" }, new Dictionary<string, string>(), folder.Path, TestSupport.TestDialects.All));
        canary.ShouldNotLeakInto(keywords.ToString(), "the malformed keyword string exception's ToString()");
    }

    /// <summary>Every command on a working database, in an order where each has something to do.</summary>
    private static async Task RunEveryCommandAsync(CanaryWorld world)
    {
        var env = world.WithUrl();
        await world.RunAsync("init --database", Ok, NoVariables, "init", "--database", world.Url);
        File.ReadAllText(Path.Combine(world.Folder.Path, "strata.json")).ShouldContain("${DATABASE_URL}", Case.Sensitive, "init keeps the password out of strata.json");
        world.Folder.WriteFile("migrations/001_a.sql", "CREATE TABLE a (id int);\n\n-- strata:down\nDROP TABLE a;\n");
        world.Folder.WriteFile("migrations/002_b.sql", "CREATE TABLE b (id int);\n\n-- strata:down\nDROP TABLE b;\n");
        await world.RunAsync("new --sequential", Ok, env, "new", "c", "--sequential");
        world.Canary.FindInFiles(world.Migrations).ShouldBeEmpty("the file new wrote");
        world.Folder.WriteFile("migrations/003_c.sql", "CREATE TABLE c (id int);\n\n-- strata:down\nDROP TABLE c;\n");

        await world.RunAsync("migrate --dry-run", Ok, env, "migrate", "--dry-run", "--verbose");
        await world.RunAsync("migrate --verbose", Ok, env, "migrate", "--verbose");

        // Read-only commands run together.
        await Task.WhenAll(
            world.RunAsync("status", Ok, env, "status"),
            world.RunAsync("status --json --verbose", Ok, env, "status", "--json", "--verbose"),
            world.RunAsync("validate", Ok, env, "validate", "--verbose"),
            world.RunAsync("validate --json", Ok, env, "validate", "--json"),
            world.RunAsync("rollback --dry-run", Ok, env, "rollback", "--dry-run"),
            world.RunAsync("--help", Ok, env, "--help"),
            world.RunAsync("migrate --help", Ok, env, "migrate", "--help"),
            world.RunAsync("--version", Ok, env, "--version"),
            world.RunAsync("status --database (password on the command line)", Ok, NoVariables, "status", "--database", world.Url, "--verbose"),
            world.RunAsync("POSTGRES_PASSWORD", Ok, world.WithPostgresVariables(), "status", "--verbose"),
            world.RunAsync("PGPASSWORD", Ok, world.WithLibpqVariables(), "status", "--verbose", "--json"));

        await world.RunAsync("rollback", Ok, env, "rollback", "--verbose");
        await world.RunAsync("migrate --json", Ok, env, "migrate", "--json");
        await world.RunAsync("redo", Ok, env, "redo", "--verbose");
        await world.RunAsync("redo --json", Ok, env, "redo", "--json");
        await world.RunAsync("mark-rolled-back", Ok, env, "mark-rolled-back", "3", "--verbose");
        await world.RunAsync("mark-applied --json", Ok, env, "mark-applied", "3", "--json");
        world.Folder.WriteFile("migrations/003_c.sql", "CREATE TABLE c (id int); -- edited after it was applied\n\n-- strata:down\nDROP TABLE c;\n");
        await Task.WhenAll(
            world.RunAsync("status after an edit", [3], env, "status", "--verbose"),
            world.RunAsync("validate after an edit", BadInput, env, "validate", "--json"));
        await world.RunAsync("repair", Ok, env, "repair", "--verbose");
        await world.RunAsync("baseline on a history with rows", [0, 2], env, "baseline", "--version", "1", "--verbose");
        await world.RunAsync("baseline --json", [0, 2], env, "baseline", "--version", "2", "--json");
    }

    /// <summary>The ways a run fails, each with the canary password.</summary>
    private static async Task RunFailurePathsAsync(CanaryWorld world)
    {
        var env = world.WithUrl();
        world.Folder.WriteFile("migrations/004_fails.sql", "CREATE TABLE d (id int);\nINSERT INTO d SELECT id FROM no_such_table;\n");
        await world.RunAsync("SQL error", Failed, env, "migrate", "--verbose");
        await world.RunAsync("SQL error --json", Failed, env, "migrate", "--json", "--verbose");
        world.Folder.WriteFile("migrations/004_fails.sql", "CREATE TABLE d (id int);\n");

        await using (var holder = await world.Database.OpenConnectionAsync())
        {
            await using var command = holder.CreateCommand();
            command.CommandText = "SELECT pg_advisory_lock(4242)";
            await command.ExecuteScalarAsync();
            await Task.WhenAll(
                world.RunAsync("lock timeout", Unavailable, env, "migrate", "--lock-key", "4242", "--lock-timeout", "1", "--verbose"),
                world.RunAsync("lock timeout --json", Unavailable, env, "migrate", "--lock-key", "4242", "--lock-timeout", "1", "--json"));
        }

        await using var dropping = new ConnectionRecorder();
        var closed = ClosedPort();
        var other = await world.Database.CreateRoleAsync();
        var wrongPassword = TestSupport.PostgresUrl.From(other.ConnectionString, world.Canary.Password);
        var raw = world.Canary.Password;
        var (host, port) = TestSupport.PostgresUrl.Endpoint(world.Owner.ConnectionString);
        var unquoted = $"Host={host};Port={port.ToString(CultureInfo.InvariantCulture)};Username={world.Owner.Name};Password={raw};Database={world.Database.Name}";
        await Task.WhenAll(
            world.RunAsync("bad host", Unavailable, world.WithUrl($"postgres://app:{world.Canary.UrlEncoded}@no-such-host.invalid:5432/appdb"), "migrate", "--verbose"),
            world.RunAsync("refused connection", Unavailable, world.WithUrl(world.Url.Replace($":{port}/", $":{closed}/", StringComparison.Ordinal)), "status", "--verbose", "--json"),
            world.RunAsync("dropped connection", Unavailable, world.WithUrl(dropping.Url(raw)), "migrate", "--verbose"),
            world.RunAsync("bad password", Unavailable, world.WithUrl(wrongPassword), "migrate", "--verbose"),
            world.RunAsync("bad password --json", Unavailable, world.WithUrl(wrongPassword), "status", "--json"),
            world.RunAsync("TLS refused by the server", Unavailable, world.WithUrl(world.Url + "?sslmode=require"), "migrate", "--verbose"),
            world.RunAsync("malformed URL (unescaped @:/%)", BadInput, world.WithUrl($"postgres://{world.Owner.Name}:{raw}@{host}:{port}/{world.Database.Name}"), "migrate", "--verbose"),
            world.RunAsync("malformed URL --json on the command line", BadInput, NoVariables, "status", "--json", "--database", $"postgres://app:{raw}@{host}:{port}/db"),
            world.RunAsync("unquoted keyword string", BadInput, world.WithUrl(unquoted), "migrate", "--verbose", "--json"),
            world.RunAsync("out-of-range option", BadInput, env, "migrate", "--statement-timeout", "1e300", "--verbose"),
            world.RunAsync("internal error --verbose", [1], Faulty(env), "migrate", "--verbose"),
            world.RunAsync("internal error --json", [1], Faulty(env), "migrate", "--json"));
        dropping.Connections.ShouldBeGreaterThan(0, "the dropped-connection run did reach the server stand-in");
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
