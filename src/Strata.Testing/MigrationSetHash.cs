using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Strata.Execution;
using Strata.Sources;

namespace Strata.Testing;

/// <summary>
/// Names a migration set: 12 hex digits of a SHA-256 over every migration's kind, version, name and checksum,
/// the environment and the history table. A changed, added or removed migration gives a new hash, so a new
/// template. Called by the pools and by <c>strata test-db</c>; a source that cannot be read throws its
/// <see cref="Errors.MigrationSourceException"/>.
/// </summary>
public static class MigrationSetHash
{
    /// <summary>The template database name for a hash: <c>strata_tpl_&lt;hash&gt;</c>.</summary>
    public static string TemplateName(string hash) => "strata_tpl_" + hash;

    /// <summary>Loads <paramref name="source"/> for <paramref name="dialect"/> and hashes it.</summary>
    public static async Task<string> ComputeAsync(IMigrationSource source, Dialect dialect, MigratorOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(options);
        var migrations = await source.LoadAsync(dialect, cancellationToken).ConfigureAwait(false);
        return Compute(migrations, dialect, options);
    }

    /// <summary>Hashes an already loaded migration set; the order of <paramref name="migrations"/> does not matter.</summary>
    public static string Compute(IEnumerable<Migration> migrations, Dialect dialect, MigratorOptions options) =>
        Compute(migrations, dialect, options, []);

    /// <summary>
    /// Hashes a migration set together with settings of the template database that change what a clone holds
    /// (an unmigrated template, an encoding, a locale). No settings give the same hash as the public overload, so a
    /// pool with default options and <c>strata test-db</c> share one template.
    /// </summary>
    internal static string Compute(IEnumerable<Migration> migrations, Dialect dialect, MigratorOptions options, IReadOnlyList<string> databaseSettings)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(options);
        var lines = migrations
            .Select(m => string.Join('\u001f', m.Kind.ToString(), m.Version?.ToString(CultureInfo.InvariantCulture) ?? "", m.VersionText, m.Name, m.Checksum, string.Join(',', m.Environments)))
            .Order(StringComparer.Ordinal)
            .Prepend(string.Join('\u001f', "strata-testing/1", dialect.ToString(), options.EnvironmentIsSet ? options.Environment : "(not set)", options.History.ToString()));
        if (databaseSettings.Count > 0)
        {
            lines = lines.Append(string.Join('\u001f', databaseSettings.Prepend("database")));
        }

        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', lines)));
        return Convert.ToHexStringLower(digest)[..12];
    }
}
