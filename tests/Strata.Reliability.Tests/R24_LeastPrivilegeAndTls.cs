using Strata.Reliability.Tests.Network;
using Strata.TestSupport;

namespace Strata.Reliability.Tests;

/// <summary>
/// R24 Least privilege and TLS. (a) A <c>migrator</c> role without superuser, CREATEDB or CREATEROLE that owns only
/// schema <c>app</c> migrates (history in <c>app</c>); a read-only role (CONNECT, USAGE, SELECT) runs <c>status</c>
/// and <c>validate</c> with exit 0 and cannot migrate. (b) <c>sslmode=verify-full</c> against a server whose
/// certificate names another host exits 5 saying so. (c) A non-loopback connection without TLS draws a warning;
/// <c>--require-tls</c> (or <c>requireTls</c> in strata.json) makes it exit 5 before connecting. Real processes.
/// </summary>
public sealed class R24_LeastPrivilegeAndTls : PostgresTestBase
{
    /// <summary>The setup documented in docs/reliability.md and docs/library.md.</summary>
    private static string LeastPrivilegeSetup(string database, string migrator, string reader) => $"""
        ALTER ROLE "{migrator}" NOSUPERUSER NOCREATEDB NOCREATEROLE;
        CREATE SCHEMA app AUTHORIZATION "{migrator}";
        GRANT CONNECT ON DATABASE "{database}" TO "{migrator}";
        ALTER ROLE "{migrator}" IN DATABASE "{database}" SET search_path = app;
        REVOKE CREATE ON SCHEMA public FROM PUBLIC;
        GRANT CONNECT ON DATABASE "{database}" TO "{reader}";
        GRANT USAGE ON SCHEMA app TO "{reader}";
        ALTER DEFAULT PRIVILEGES FOR ROLE "{migrator}" IN SCHEMA app GRANT SELECT ON TABLES TO "{reader}";
        """;

    [Fact]
    public async Task A_schema_owner_migrates_and_a_read_only_role_runs_status_and_validate()
    {
        var migrator = await Database.CreateRoleAsync();
        var reader = await Database.CreateRoleAsync();
        await Database.ExecuteAsync(LeastPrivilegeSetup(Database.Name, migrator.Name, reader.Name));
        using var workspace = new TempDirectory();
        workspace.WriteFile("strata.json", """{ "history": { "schema": "app" } }""");
        workspace.WriteFile("migrations/001_items.sql", "CREATE TABLE items (id int PRIMARY KEY, name text NOT NULL);\n");
        workspace.WriteFile("migrations/002_items_name.sql", "CREATE INDEX items_name ON items (name);\n");
        workspace.WriteFile("migrations/003_item_count.sql", "CREATE VIEW item_count AS SELECT count(*) AS n FROM items;\n");

        var migrate = await RunAsync(workspace, migrator, "migrate");
        var status = await RunAsync(workspace, reader, "status");
        var validate = await RunAsync(workspace, reader, "validate");
        workspace.WriteFile("migrations/004_more.sql", "CREATE TABLE more (id int);\n");
        var readerMigrate = await RunAsync(workspace, reader, "migrate");

        (await Database.ScalarAsync<bool>("SELECT rolsuper OR rolcreatedb OR rolcreaterole FROM pg_roles WHERE rolname = $1", migrator.Name)).ShouldBeFalse();
        migrate.ExitCode.ShouldBe(0, migrate.ToString());
        (await Database.ListTablesAsync("app")).ShouldBe(["items", "strata_migrations", "strata_migrations_audit"], ignoreOrder: true);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM app.strata_migrations")).ShouldBe(3);
        (await Database.ScalarAsync<long>("SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'app' AND pg_get_userbyid(c.relowner) <> $1", migrator.Name))
            .ShouldBe(0, "every object in app belongs to the migrator");
        (await Database.ScalarAsync<bool>("SELECT has_schema_privilege($1, 'app', 'CREATE') OR has_database_privilege($1, current_database(), 'CREATE')", reader.Name)).ShouldBeFalse();
        status.ExitCode.ShouldBe(0, status.ToString());
        validate.ExitCode.ShouldBe(0, validate.ToString());
        readerMigrate.ExitCode.ShouldBe(4, readerMigrate.ToString());
        readerMigrate.Stderr.ShouldContain("permission denied", Case.Sensitive, readerMigrate.ToString());
        (await Database.ListTablesAsync("app")).ShouldNotContain("more");
    }

    [Fact]
    public async Task Verify_full_against_a_certificate_for_another_host_exits_5()
    {
        using var certificates = TestCertificates.Create("127.0.0.2");
        using var cluster = PostgresCluster.Start(new PostgresClusterOptions
        {
            ListenAddresses = "127.0.0.1,127.0.0.2",
            Settings = ["ssl = on", "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'"],
            HbaLines = ["hostssl all all 127.0.0.2/32 scram-sha-256"],
            DataFiles = new Dictionary<string, string> { ["server.crt"] = certificates.ServerCertificate, ["server.key"] = certificates.ServerKey },
        });
        using var workspace = new TempDirectory();
        workspace.WriteFile("migrations/001_first.sql", "CREATE TABLE first (id int);\n");
        string Url(string host, string mode) =>
            $"postgres://postgres:{cluster.Password}@{host}:{cluster.Port}/postgres?sslmode={mode}&sslrootcert={Uri.EscapeDataString(certificates.CaFile)}";

        var mismatch = await StrataProcess.RunAsync(workspace.Path, new Dictionary<string, string> { ["DATABASE_URL"] = Url("127.0.0.1", "verify-full") }, TimeSpan.FromSeconds(60), "migrate");
        var chainOnly = await StrataProcess.RunAsync(workspace.Path, new Dictionary<string, string> { ["DATABASE_URL"] = Url("127.0.0.1", "verify-ca") }, TimeSpan.FromSeconds(60), "status");
        var named = await StrataProcess.RunAsync(workspace.Path, new Dictionary<string, string> { ["DATABASE_URL"] = Url("127.0.0.2", "verify-full") }, TimeSpan.FromSeconds(60), "migrate");

        mismatch.ExitCode.ShouldBe(5, mismatch.ToString());
        mismatch.Stderr.ShouldContain("127.0.0.1", Case.Sensitive, mismatch.ToString());
        mismatch.Stderr.ShouldContain("certificate", Case.Insensitive, mismatch.ToString());
        mismatch.Stderr.ShouldContain("host name", Case.Insensitive, mismatch.ToString());
        mismatch.All.ShouldNotContain(cluster.Password);
        chainOnly.ExitCode.ShouldBe(3, "verify-ca trusts the chain without checking the name: status connects and finds 1 pending\n" + chainOnly);
        named.ExitCode.ShouldBe(0, "the same certificate is accepted for a name it holds\n" + named);
    }

    [Fact]
    public async Task A_remote_connection_without_tls_warns_and_require_tls_refuses_it()
    {
        using var certificates = TestCertificates.Create(NetworkLab.ServerAddress(1));
        using var lab = NetworkLab.Start("R24 (c)", clients: 1, new PostgresClusterOptions
        {
            Settings = ["ssl = on", "ssl_cert_file = 'server.crt'", "ssl_key_file = 'server.key'"],
            DataFiles = new Dictionary<string, string> { ["server.crt"] = certificates.ServerCertificate, ["server.key"] = certificates.ServerKey },
        });
        using var workspace = new TempDirectory();
        workspace.WriteFile("migrations/001_first.sql", "CREATE TABLE first (id int);\n");
        var host = NetworkLab.ServerAddress(1);
        string Url(string query) => $"postgres://postgres:{lab.Cluster.Password}@{host}:{lab.Cluster.Port}/postgres?{query}";
        Task<CliResult> Run(string query, params string[] args) => RunInClientAsync(lab, workspace, Url(query), args);

        var refused = await Run("sslmode=disable", "migrate", "--require-tls");
        var plaintext = await Run("sslmode=disable", "status");
        var prefer = await Run("sslmode=prefer", "status");
        workspace.WriteFile("strata.json", """{ "requireTls": true }""");
        var refusedByConfig = await Run("sslmode=prefer", "status");
        var verified = await Run("sslmode=verify-full&sslrootcert=" + Uri.EscapeDataString(certificates.CaFile), "migrate", "--require-tls");

        refused.ExitCode.ShouldBe(5, refused.ToString());
        refused.Stderr.ShouldContain($"refused to connect to {host} without TLS (sslmode disable)", Case.Sensitive, refused.ToString());
        plaintext.ExitCode.ShouldBe(3, "status connects and finds 1 pending, since the refused run applied nothing\n" + plaintext);
        plaintext.Stderr.ShouldContain($"the connection to {host} does not require TLS (sslmode disable)", Case.Sensitive, plaintext.ToString());
        prefer.ExitCode.ShouldBe(3, prefer.ToString());
        prefer.Stderr.ShouldContain("does not require TLS (sslmode prefer)", Case.Sensitive, prefer.ToString());
        refusedByConfig.ExitCode.ShouldBe(5, refusedByConfig.ToString());
        refusedByConfig.Stderr.ShouldContain("refused to connect", Case.Sensitive, refusedByConfig.ToString());
        verified.ExitCode.ShouldBe(0, verified.ToString());
        verified.Stderr.ShouldNotContain("TLS", Case.Sensitive, verified.ToString());
        lab.Psql("postgres", "SELECT count(*) FROM strata_migrations").ShouldBe("1");
        foreach (var result in new[] { refused, plaintext, prefer, refusedByConfig, verified })
        {
            result.All.ShouldNotContain(lab.Cluster.Password);
        }
    }

    private static async Task<CliResult> RunInClientAsync(NetworkLab lab, TempDirectory workspace, string url, string[] args)
    {
        using var process = StrataProcess.StartVia(lab.InClient(1), workspace.Path, new Dictionary<string, string> { ["DATABASE_URL"] = url }, args);
        return await process.WaitAsync(TimeSpan.FromSeconds(60));
    }

    private static Task<CliResult> RunAsync(TempDirectory workspace, TestRole role, string command) =>
        StrataProcess.RunAsync(workspace.Path, new Dictionary<string, string> { ["DATABASE_URL"] = PostgresUrl.From(role.ConnectionString, role.Password) }, TimeSpan.FromSeconds(60), command);
}
