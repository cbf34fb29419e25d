using Strata.Execution;

namespace Strata.Hosting;

/// <summary>One consistent view of the start-up migration: its phase, its result on success, its error otherwise.</summary>
internal sealed record StartupSnapshot(StartupPhase Phase, MigrationResult? Result = null, Exception? Error = null);
