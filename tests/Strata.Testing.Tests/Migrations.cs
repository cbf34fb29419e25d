using Strata.Sources;
using Strata.TestSupport;

namespace Strata.Testing.Tests;

/// <summary>A temp working folder with a <c>migrations</c> folder inside, for one test; deleted afterwards.</summary>
public sealed class Migrations : IDisposable
{
    private readonly TempDirectory _folder = new();

    /// <summary>The working folder (strata's default migrations folder is <c>migrations</c> inside it).</summary>
    public string Folder => _folder.Path;

    public IMigrationSource Source => new DirectoryMigrationSource(Path.Combine(Folder, "migrations"));

    /// <summary>A parent/child pair, an unrelated table, a seeded lookup table and a build log written once per build.</summary>
    public static Migrations Shop(string marker = "") => new Migrations()
        .Write("001_shop.sql", $"""
            CREATE TABLE customers (id bigserial PRIMARY KEY, name text NOT NULL);
            CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES customers (id), note text);
            CREATE TABLE unrelated (id int PRIMARY KEY);
            CREATE TABLE statuses (code text PRIMARY KEY, label text NOT NULL);
            INSERT INTO statuses VALUES ('new', 'New'), ('paid', 'Paid');
            CREATE TABLE order_status (order_id bigint REFERENCES orders (id), code text REFERENCES statuses (code));
            CREATE TABLE build_log (pid int, marker text);
            INSERT INTO build_log VALUES (pg_backend_pid(), '{marker}');
            """);

    public Migrations Write(string file, string sql)
    {
        _folder.WriteFile(Path.Combine("migrations", file), sql);
        return this;
    }

    public void Dispose() => _folder.Dispose();
}
