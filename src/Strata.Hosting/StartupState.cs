namespace Strata.Hosting;

/// <summary>
/// The start-up migration's outcome in this process, written by <see cref="StartupMigrationService"/> and read by
/// <see cref="StrataHealthCheck"/> from other threads; each change replaces the whole snapshot.
/// </summary>
internal sealed class StartupState
{
    private volatile StartupSnapshot _current = new(StartupPhase.NotStarted);

    public StartupSnapshot Current => _current;

    public void Set(StartupSnapshot snapshot) => _current = snapshot;
}
