namespace Strata.Code;

/// <summary>
/// A C# migration with no down step (a data fix, an irreversible change): rollback refuses before doing anything
/// when it would have to revert one, exactly as for a SQL file without a down script.
/// </summary>
public abstract class ForwardOnlyCodeMigration : CodeMigration
{
    /// <summary>Called by the subclass; throws <see cref="ArgumentException"/> like <see cref="CodeMigration"/>'s constructor.</summary>
    /// <param name="version">The version (1–18 digits), ordered with SQL migrations.</param>
    /// <param name="name">The slug: letters, digits and underscores.</param>
    protected ForwardOnlyCodeMigration(long version, string name)
        : base(version, name)
    {
    }

    /// <summary>Never called: Strata records that this migration has no down step.</summary>
    public sealed override Task DownAsync(MigrationContext context, CancellationToken cancellationToken) =>
        Task.FromException(NoDown(this));
}
