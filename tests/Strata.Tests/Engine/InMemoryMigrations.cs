using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Sources;

namespace Strata.Tests.Engine;

/// <summary>Migrations held in memory for the engine tests; what a folder would load, without the folder.</summary>
internal sealed class InMemoryMigrations : IMigrationSource
{
    private readonly List<Migration> _migrations = [];

    public InMemoryMigrations Add(long version, string name, string up = "SELECT 1;", string? down = "SELECT 2;", bool transactional = true, string[]? environments = null)
    {
        _migrations.RemoveAll(m => m.Version == version);
        var path = $"migrations/{version:D3}_{name}.sql";
        _migrations.Add(new Migration
        {
            Version = version,
            VersionText = version.ToString("D3", CultureInfo.InvariantCulture),
            Name = name,
            Kind = MigrationKind.Versioned,
            Checksum = Hash(up + "\n-- down\n" + down),
            Up = new SqlScript(up, path, 1, transactional),
            Down = down is null ? null : new SqlScript(down, path, 10, transactional),
            Environments = environments ?? [],
            SourcePath = path,
        });
        return this;
    }

    public InMemoryMigrations Repeatable(string name, string sql = "SELECT 3;", bool transactional = true)
    {
        _migrations.RemoveAll(m => m.Kind == MigrationKind.Repeatable && m.Name == name);
        var path = $"migrations/R__{name}.sql";
        _migrations.Add(new Migration
        {
            Version = null,
            Name = name,
            Kind = MigrationKind.Repeatable,
            Checksum = Hash(sql),
            Up = new SqlScript(sql, path, 1, transactional),
            SourcePath = path,
        });
        return this;
    }

    public InMemoryMigrations Remove(long version)
    {
        _migrations.RemoveAll(m => m.Version == version);
        return this;
    }

    public int Loads { get; private set; }

    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken)
    {
        Loads++;
        return Task.FromResult<IReadOnlyList<Migration>>(
            [.. _migrations.OrderBy(m => m.Kind).ThenBy(m => m.Version).ThenBy(m => m.Name, StringComparer.Ordinal)]);
    }

    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
