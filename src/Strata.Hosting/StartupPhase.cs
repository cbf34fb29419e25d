namespace Strata.Hosting;

/// <summary>Where the start-up migration of this process stands; read by the health check.</summary>
internal enum StartupPhase
{
    /// <summary>The host has not started yet.</summary>
    NotStarted,

    /// <summary><see cref="StrataOptions.MigrateOnStartup"/> is false: another process (a job, a replica) migrates.</summary>
    Off,

    /// <summary>Migrating now.</summary>
    Running,

    /// <summary>Every pending migration was applied (or none was pending).</summary>
    Succeeded,

    /// <summary>The database was unreachable and <see cref="UnavailablePolicy.WarnAndContinue"/> let start-up go on.</summary>
    ContinuedUnavailable,

    /// <summary>Start-up migration failed; the host did not start.</summary>
    Failed,
}
