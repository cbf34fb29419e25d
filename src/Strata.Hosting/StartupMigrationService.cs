using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Strata.Errors;
using Strata.Execution;

namespace Strata.Hosting;

/// <summary>
/// Migrates in <see cref="StartingAsync"/>, which the host runs for every lifecycle service before it calls
/// <see cref="IHostedService.StartAsync"/> on any hosted service: ASP.NET Core's server starts listening in its
/// <c>StartAsync</c>, so no request is accepted before the migrations are applied. A failure is logged and thrown,
/// which aborts the host's start; an unreachable database under <see cref="UnavailablePolicy.WarnAndContinue"/> is
/// logged as a warning and start-up goes on.
/// </summary>
internal sealed class StartupMigrationService : IHostedLifecycleService
{
    private readonly IServiceProvider _services;
    private readonly StartupState _state;
    private readonly ILogger _logger;

    public StartupMigrationService(IServiceProvider services, StartupState state, ILoggerFactory? loggerFactory = null)
    {
        _services = services;
        _state = state;
        _logger = (loggerFactory ?? NullLoggerFactory.Instance).CreateLogger(StrataRuntime.LogCategory);
    }

    public async Task StartingAsync(CancellationToken cancellationToken)
    {
        StrataRuntime runtime;
        try
        {
            runtime = _services.GetRequiredService<StrataRuntime>();
        }
        catch (ConfigurationException e)
        {
            _state.Set(new StartupSnapshot(StartupPhase.Failed, Error: e));
            Log.NotConfigured(_logger, e.Message, e.Hint ?? "check the AddStrata call");
            throw;
        }

        if (!runtime.Options.MigrateOnStartup)
        {
            _state.Set(new StartupSnapshot(StartupPhase.Off));
            Log.StartupMigrationOff(_logger, runtime.Provider.DisplayName);
            return;
        }

        try
        {
            await MigrateAsync(runtime, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _services.GetRequiredService<MigrationStatusCache>().Invalidate();
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task MigrateAsync(StrataRuntime runtime, CancellationToken cancellationToken)
    {
        var database = runtime.Provider.DisplayName;
        var clock = Stopwatch.StartNew();
        _state.Set(new StartupSnapshot(StartupPhase.Running));
        Log.Migrating(_logger, database, runtime.Environment);
        try
        {
            var result = await MigrateOrAcceptNewerReleaseAsync(runtime, cancellationToken).ConfigureAwait(false);
            _state.Set(new StartupSnapshot(StartupPhase.Succeeded, result));
            if (result is not null)
            {
                LogSummary(database, result);
            }
        }
        catch (DatabaseUnavailableException e) when (runtime.Options.UnavailablePolicy == UnavailablePolicy.WarnAndContinue)
        {
            _state.Set(new StartupSnapshot(StartupPhase.ContinuedUnavailable, Error: e));
            Log.UnavailableContinuing(_logger, database, e.Message);
        }
        catch (Exception e)
        {
            _state.Set(new StartupSnapshot(StartupPhase.Failed, Error: e));
            LogFailure(database, e, clock.Elapsed);
            throw;
        }
    }

    /// <summary>
    /// Migrates; when validation refuses only because a newer release applied migrations this build lacks, logs that
    /// and returns null instead of failing (an older replica restarting mid-deploy must not crash-loop).
    /// </summary>
    private async Task<MigrationResult?> MigrateOrAcceptNewerReleaseAsync(StrataRuntime runtime, CancellationToken cancellationToken)
    {
        try
        {
            return await runtime.Migrator.MigrateAsync(runtime.Options.Migrate, cancellationToken).ConfigureAwait(false);
        }
        catch (ValidationException)
        {
            var status = await runtime.Migrator.GetStatusAsync(cancellationToken).ConfigureAwait(false);
            var future = NewerRelease.OnlyFutureMigrations(status);
            if (future.Count == 0)
            {
                throw;
            }

            Log.NewerReleaseApplied(_logger, runtime.Provider.DisplayName, future.Count, string.Join(", ", future));
            return null;
        }
    }

    private void LogSummary(string database, MigrationResult result)
    {
        var duration = LoggingMigrationObserver.Milliseconds(result.Duration);
        if (result.FilesExecuted == 0)
        {
            Log.UpToDate(_logger, database, duration);
        }
        else
        {
            Log.MigrationsApplied(_logger, result.FilesExecuted, database, duration, result.Batch);
        }
    }

    private void LogMigrationFailure(MigrationFailedException failed)
    {
        var hint = failed.Hint ?? "correct the migration and start again";
        if (failed.SqlState is { } sqlState)
        {
            Log.MigrationFailed(_logger, failed.Migration, failed.Location.ToString(), sqlState, failed.ServerMessage, failed.Outcome, hint);
        }
        else
        {
            Log.MigrationFailedWithoutSqlState(_logger, failed.Migration, failed.Location.ToString(), failed.ServerMessage, failed.Outcome, hint);
        }
    }

    private void LogFailure(string database, Exception error, TimeSpan elapsed)
    {
        switch (error)
        {
            case MigrationFailedException failed:
                LogMigrationFailure(failed);
                break;
            case DatabaseUnavailableException unavailable:
                Log.UnavailableStopping(_logger, database, unavailable.Message, unavailable.Hint ?? "start the database or correct its address");
                break;
            case StrataException strata:
                Log.StartupFailed(_logger, database, strata.Message, strata.Hint ?? "see the message");
                break;
            case OperationCanceledException:
                Log.StartupCancelled(_logger, database, LoggingMigrationObserver.Milliseconds(elapsed));
                break;
            default:
                Log.StartupCrashed(_logger, database, error);
                break;
        }
    }
}
