using Strata.Errors;
using Strata.Execution;
using Strata.Operations;

namespace Strata.Configuration;

/// <summary>
/// The one entry point from a database value to an <see cref="IDialect"/>: a set of dialect factories, built by the
/// application from the dialect packages it references (<c>new DialectSet(PostgreSqlDialect.Factory,
/// SqliteDialect.Factory)</c>). A URL or keyword string goes through <see cref="DatabaseUrl.Parse"/> (the CLI's
/// parsing and errors); a target of a dialect not in the set is a <see cref="ConfigurationException"/>.
/// </summary>
public sealed class DialectSet
{
    private readonly Dictionary<Dialect, IDialectFactory> _factories = [];
    private IReadOnlyList<IConnectionSyntax>? _syntaxes;

    /// <summary>Creates the set; each dialect at most once.</summary>
    public DialectSet(params IEnumerable<IDialectFactory> factories)
    {
        ArgumentNullException.ThrowIfNull(factories);
        foreach (var factory in factories)
        {
            ArgumentNullException.ThrowIfNull(factory);
            if (!_factories.TryAdd(factory.Dialect, factory))
            {
                throw new ArgumentException($"the {factory.Dialect.ToName()} dialect is in the set twice", nameof(factories));
            }
        }
    }

    /// <summary>The dialects in the set.</summary>
    public IReadOnlyCollection<Dialect> Dialects => _factories.Keys;

    /// <summary>The connection syntaxes of the set's dialects, in the order of <see cref="Strata.Dialect"/> (PostgreSQL first).</summary>
    internal IReadOnlyList<IConnectionSyntax> Syntaxes => _syntaxes ??= [.. _factories.OrderBy(f => f.Key).Select(f => f.Value.Connections)];

    /// <summary>
    /// Parses <paramref name="database"/> into a target (see <see cref="DatabaseUrl.Parse"/>): a value a dialect of
    /// the set claims; relative SQLite paths against <paramref name="baseDirectory"/>.
    /// </summary>
    public DatabaseTarget Parse(string database, string baseDirectory) => DatabaseUrl.Parse(database, baseDirectory, this);

    /// <summary>
    /// True when <paramref name="a"/> and <paramref name="b"/> reach the same database: the same dialect, and the same
    /// file (SQLite) or server, database and user (PostgreSQL), as that dialect's <see cref="IConnectionSyntax.SameDatabase"/> decides.
    /// </summary>
    public bool SameDatabase(DatabaseTarget a, DatabaseTarget b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return a.Dialect == b.Dialect && Factory(a).Connections.SameDatabase(a, b);
    }

    /// <summary>The connection syntax of <paramref name="target"/>'s dialect; a <see cref="ConfigurationException"/> when the set lacks it.</summary>
    internal IConnectionSyntax Syntax(DatabaseTarget target) => Factory(target).Connections;

    /// <summary>The dialect for a resolved <paramref name="target"/>; null <paramref name="settings"/> for each dialect's defaults.</summary>
    public IDialect Create(DatabaseTarget target, DialectSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Factory(target).Create(target, settings ?? new DialectSettings());
    }

    /// <summary>
    /// Parses <paramref name="database"/> (a <c>postgres://</c> URL, a keyword string, <c>sqlite:path</c> or a
    /// <c>.db</c> path; relative SQLite paths against <paramref name="baseDirectory"/>) and creates its dialect.
    /// Malformed input throws the <see cref="ConfigurationException"/> the CLI gives, without the password.
    /// </summary>
    public IDialect Create(string database, string baseDirectory, DialectSettings? settings = null) =>
        Create(DatabaseUrl.Parse(database, baseDirectory, this), settings);

    /// <summary>The backup role for <paramref name="target"/> (what <c>strata backup</c> uses).</summary>
    public IDatabaseBackup CreateBackup(DatabaseTarget target, BackupSettings backup, DialectSettings? settings = null)
    {
        ArgumentNullException.ThrowIfNull(target);
        ArgumentNullException.ThrowIfNull(backup);
        return Factory(target).CreateBackup(target, backup, settings ?? new DialectSettings());
    }

    /// <summary>The first column of <paramref name="sql"/>'s rows, run read-only on <paramref name="target"/> (see <see cref="IDialectFactory.ReadColumnAsync"/>).</summary>
    public Task<IReadOnlyList<string>> ReadColumnAsync(DatabaseTarget target, string sql, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Factory(target).ReadColumnAsync(target, sql, cancellationToken);
    }

    /// <summary>The connection headroom of <paramref name="target"/>'s server, or null for a dialect without one (see <see cref="IDialectFactory.ReadConnectionHeadroomAsync"/>).</summary>
    public Task<int?> ReadConnectionHeadroomAsync(DatabaseTarget target, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Factory(target).ReadConnectionHeadroomAsync(target, cancellationToken);
    }

    /// <summary>The one-query history read of a schema-per-tenant fleet in <paramref name="target"/>, or null for a dialect without schemas (see <see cref="IDialectFactory.CreateSchemaHistories"/>).</summary>
    public IFleetHistoryReader? CreateSchemaHistories(DatabaseTarget target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Factory(target).CreateSchemaHistories(target);
    }

    private IDialectFactory Factory(DatabaseTarget target) =>
        _factories.TryGetValue(target.Dialect, out var factory)
            ? factory
            : throw new ConfigurationException(
                $"{target.DisplayName} is a {target.Dialect.ToName()} database, but this program has no {target.Dialect.ToName()} dialect",
                $"reference the Strata.{target.Dialect} package and add {target.Dialect}Dialect.Factory to the DialectSet");
}
