namespace Strata.Hosting;

/// <summary>
/// What start-up does when the database cannot be reached (a <see cref="Errors.DatabaseUnavailableException"/>:
/// refused connection, unknown host, rejected login, missing database, connection lost mid-run). Set through
/// <see cref="StrataOptions.UnavailablePolicy"/> or the configuration key <c>Strata:UnavailablePolicy</c>. Every other
/// failure (a bad file, a failing migration, a lock wait that timed out) always stops start-up.
/// </summary>
public enum UnavailablePolicy
{
    /// <summary>
    /// The default: log the error and throw it from the host's start, so the process exits before it serves and an
    /// orchestrator restarts it. An application never runs against a schema it has not checked.
    /// </summary>
    FailStartup,

    /// <summary>
    /// Log a warning and start without migrating. The health check reports Degraded until the migrations are applied
    /// (by a later start or another replica). Choose it only when the application can run without its database.
    /// </summary>
    WarnAndContinue,
}
