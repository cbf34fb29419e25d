using Microsoft.Extensions.Logging;

namespace Strata.Hosting;

/// <summary>
/// Every message the hosting integration logs (category <c>Strata.Migrations</c>), source-generated so arguments
/// stay structured and nothing is formatted when the level is off. Arguments are display names, positions and
/// server messages: never a connection string or a password.
/// </summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Migrating {Database} (environment {Environment})")]
    public static partial void Migrating(ILogger logger, string database, string environment);

    [LoggerMessage(2, LogLevel.Information, "Waiting for the migration lock held by {Holder}; another replica is migrating")]
    public static partial void LockWaiting(ILogger logger, string holder);

    [LoggerMessage(3, LogLevel.Information, "Acquired the migration lock after waiting {WaitedMs} ms")]
    public static partial void LockAcquired(ILogger logger, long waitedMs);

    [LoggerMessage(4, LogLevel.Debug, "Running {Migration} ({Direction})")]
    public static partial void StepStarting(ILogger logger, string migration, string direction);

    [LoggerMessage(5, LogLevel.Debug, "{Migration}: statement {Index} of {Count} (line {Line}) done")]
    public static partial void StatementFinished(ILogger logger, string migration, int index, int count, int line);

    [LoggerMessage(6, LogLevel.Information, "Applied {Migration} in {DurationMs} ms")]
    public static partial void StepApplied(ILogger logger, string migration, long durationMs);

    [LoggerMessage(7, LogLevel.Information, "Reverted {Migration} in {DurationMs} ms")]
    public static partial void StepReverted(ILogger logger, string migration, long durationMs);

    [LoggerMessage(8, LogLevel.Information, "Skipped {Migration}: another process had already run it")]
    public static partial void StepSkipped(ILogger logger, string migration);

    [LoggerMessage(9, LogLevel.Information, "Applied {Count} migration(s) to {Database} in {DurationMs} ms (batch {Batch})")]
    public static partial void MigrationsApplied(ILogger logger, int count, string database, long durationMs, int batch);

    [LoggerMessage(10, LogLevel.Information, "{Database} is up to date ({DurationMs} ms)")]
    public static partial void UpToDate(ILogger logger, string database, long durationMs);

    [LoggerMessage(11, LogLevel.Critical, "Migration {Migration} failed at {Location}: SQLSTATE {SqlState}: {ServerMessage}; {Outcome}. Start-up stops. Fix: {Hint}")]
    public static partial void MigrationFailed(ILogger logger, string migration, string location, string sqlState, string serverMessage, string outcome, string hint);

    [LoggerMessage(19, LogLevel.Critical, "Migration {Migration} failed at {Location}: {ServerMessage}; {Outcome}. Start-up stops. Fix: {Hint}")]
    public static partial void MigrationFailedWithoutSqlState(ILogger logger, string migration, string location, string serverMessage, string outcome, string hint);

    [LoggerMessage(12, LogLevel.Critical, "Database {Database} is unavailable and UnavailablePolicy is FailStartup, so start-up stops: {Message} Fix: {Hint}, or set Strata:UnavailablePolicy to WarnAndContinue to start without it")]
    public static partial void UnavailableStopping(ILogger logger, string database, string message, string hint);

    [LoggerMessage(13, LogLevel.Warning, "Database {Database} is unavailable; starting WITHOUT migrating because UnavailablePolicy is WarnAndContinue: {Message}. The health check reports Degraded until the migrations are applied")]
    public static partial void UnavailableContinuing(ILogger logger, string database, string message);

    [LoggerMessage(14, LogLevel.Critical, "Start-up migration of {Database} failed, so start-up stops: {Message} Fix: {Hint}")]
    public static partial void StartupFailed(ILogger logger, string database, string message, string hint);

    [LoggerMessage(15, LogLevel.Critical, "Start-up migration of {Database} failed unexpectedly, so start-up stops")]
    public static partial void StartupCrashed(ILogger logger, string database, Exception exception);

    [LoggerMessage(16, LogLevel.Warning, "Start-up migration of {Database} was cancelled after {DurationMs} ms; the host is stopping")]
    public static partial void StartupCancelled(ILogger logger, string database, long durationMs);

    [LoggerMessage(17, LogLevel.Information, "Start-up migration is off (Strata:MigrateOnStartup is false); {Database} is not migrated here")]
    public static partial void StartupMigrationOff(ILogger logger, string database);

    [LoggerMessage(20, LogLevel.Information, "{Database} holds {Count} migration(s) newer than this build ({Migrations}), applied by a newer release; nothing to do here")]
    public static partial void NewerReleaseApplied(ILogger logger, string database, int count, string migrations);

    [LoggerMessage(18, LogLevel.Critical, "Strata is not configured, so start-up stops: {Message} Fix: {Hint}")]
    public static partial void NotConfigured(ILogger logger, string message, string hint);

    [LoggerMessage(21, LogLevel.Warning, "{Migration} waited longer than the statement lock timeout for a table lock ({Reason}); nothing of it was applied; trying again in {DelayMs} ms (try {Next} of {Attempts})")]
    public static partial void StepRetrying(ILogger logger, string migration, string reason, long delayMs, int next, int attempts);
}
