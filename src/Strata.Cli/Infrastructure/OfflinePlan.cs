using Strata.Planning;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// <c>--offline</c>: the migration files checked and planned without a database (for CI without a server). The files
/// go through the same loading and checks as a real run (names, duplicates, encodings, directives, empty files); the
/// plan is the one an empty database would get. Checksums and history are not compared: there is none to compare with.
/// </summary>
internal static class OfflinePlan
{
    /// <summary>What <c>migrate</c> would run on an empty database with <paramref name="options"/>.</summary>
    public static async Task<MigrationPlan> MigrateAsync(CommandContext ctx, MigrateOptions options, CancellationToken ct)
    {
        var migrations = await ctx.Source.LoadAsync(ctx.Dialect, ct);
        var status = StatusBuilder.Build(migrations, [], ctx.GateEnvironment); // -- strata:env migrations only in an environment that was set, as the real run
        return Planner.PlanMigrate(status, options);
    }

    /// <summary>The configured database for headers, or a phrase saying there is none; never connects.</summary>
    public static string DatabaseDisplay(CommandContext ctx) => ctx.Settings.Database is null ? "no database" : ctx.DatabaseDisplay;
}
