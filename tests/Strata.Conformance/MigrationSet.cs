using System.Security.Cryptography;
using System.Text;
using Strata.Sources;

namespace Strata.Conformance;

/// <summary>An in-memory migration source for scenarios, built fluently; its content can change between runs.</summary>
public sealed class MigrationSet : IMigrationSource
{
    private readonly List<Migration> _migrations = [];

    /// <summary>Adds a versioned migration.</summary>
    public MigrationSet Add(long version, string name, string up, string? down = null, bool transactional = true, string[]? environments = null)
    {
        _migrations.RemoveAll(m => m.Version == version);
        var path = $"migrations/{version:D3}_{name}.sql";
        _migrations.Add(new Migration
        {
            Version = version,
            VersionText = version.ToString("D3", System.Globalization.CultureInfo.InvariantCulture),
            Name = name,
            Kind = MigrationKind.Versioned,
            Checksum = Hash(up + "\n-- down\n" + down),
            Up = new SqlScript(up, path, 1, transactional),
            Down = down is null ? null : new SqlScript(down, path, 100, transactional),
            Environments = environments ?? [],
            SourcePath = path,
        });
        return this;
    }

    /// <summary>Adds (or replaces) a repeatable migration.</summary>
    public MigrationSet Repeatable(string name, string sql)
    {
        _migrations.RemoveAll(m => m.Kind == MigrationKind.Repeatable && m.Name == name);
        var path = $"migrations/R__{name}.sql";
        _migrations.Add(new Migration
        {
            Version = null,
            Name = name,
            Kind = MigrationKind.Repeatable,
            Checksum = Hash(sql),
            Up = new SqlScript(sql, path, 1, transactional: true),
            SourcePath = path,
        });
        return this;
    }

    /// <summary>Removes a versioned migration (as if its file were deleted).</summary>
    public MigrationSet Remove(long version)
    {
        _migrations.RemoveAll(m => m.Version == version);
        return this;
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<Migration>>(
            _migrations.OrderBy(m => m.Kind).ThenBy(m => m.Version).ThenBy(m => m.Name, StringComparer.Ordinal).ToList());

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
