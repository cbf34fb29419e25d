using Strata.Configuration;
using Strata.Execution;
using Strata.History;
using Strata.Lint;

namespace Strata.Studio;

/// <summary>What <see cref="StudioServer.StartAsync"/> serves: the database, the mode and the port.</summary>
public sealed record StudioOptions
{
    /// <summary>The database to browse (PostgreSQL or SQLite). Its password is used to connect and never sent to the page.</summary>
    public required DatabaseTarget Database { get; init; }

    /// <summary>
    /// Write mode: the SQL console may change data. Off by default: every console statement then runs in a read-only
    /// transaction the statement cannot leave (PostgreSQL) or on a read-only connection (SQLite).
    /// </summary>
    public bool Write { get; init; }

    /// <summary>The loopback port to listen on; 0 (the default) picks a free one.</summary>
    public int Port { get; init; }

    /// <summary>Also listen on the IPv6 loopback <c>[::1]</c>, on the same port (off by default: 127.0.0.1 only).</summary>
    public bool IPv6 { get; init; }

    /// <summary>Makes the engine that reports the migrations' status for the migrations view; null hides the view.</summary>
    public Func<Migrator>? Migrations { get; init; }

    /// <summary>
    /// The history table the migrations use (default <c>strata_migrations</c>): the migrations view shows who holds its
    /// migration lock (PostgreSQL's advisory lock derived from this name).
    /// </summary>
    public HistoryTableName History { get; init; } = new();

    /// <summary>The rules the migrations view lints pending files with (default rules when null).</summary>
    public LintOptions? Lint { get; init; }

    /// <summary>Rows per page of the table grid (default 100).</summary>
    public int PageSize { get; init; } = 100;

    /// <summary>The most rows a console query returns to the page (default 1,000); the rest are not read.</summary>
    public int MaxQueryRows { get; init; } = 1000;
}
