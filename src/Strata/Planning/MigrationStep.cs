using Strata.History;
using Strata.Sources;

namespace Strata.Planning;

/// <summary>One migration to run in one direction.</summary>
/// <param name="Migration">The migration.</param>
/// <param name="Direction">Up or down.</param>
/// <param name="Applied">Its history row, for down steps.</param>
public sealed record MigrationStep(Migration Migration, StepDirection Direction, AppliedMigration? Applied = null)
{
    /// <summary>The script this step runs.</summary>
    public MigrationScript Script => Direction == StepDirection.Up
        ? Migration.Up
        : Migration.Down ?? throw new InvalidOperationException($"{Migration.DisplayName} has no down script");

    /// <summary>The exact SQL the step would send, filled in for dry runs only.</summary>
    public string? Sql { get; init; }
}
