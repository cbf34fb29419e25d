using Strata.Sources;

namespace Strata.Code;

/// <summary>One direction of a C# migration, as the engine runs it.</summary>
public sealed class CodeScript : MigrationScript
{
    /// <summary>
    /// Made by <see cref="CodeMigrationSource"/> for each direction of a <see cref="CodeMigration"/>; throws
    /// <see cref="ArgumentNullException"/> without a body.
    /// </summary>
    /// <param name="body">The method to run (<see cref="CodeMigration.UpAsync"/> or <see cref="CodeMigration.DownAsync"/>).</param>
    /// <param name="sourcePath">The migration's type name, shown in messages.</param>
    /// <param name="transactional">False to run outside a transaction.</param>
    public CodeScript(Func<MigrationContext, CancellationToken, Task> body, string sourcePath, bool transactional)
        : base(sourcePath, transactional)
    {
        Body = body ?? throw new ArgumentNullException(nameof(body));
    }

    /// <summary>
    /// Called by the dialect's executor with the open connection (and transaction, when transactional); an exception
    /// it throws fails the migration and, in a transaction, rolls it back.
    /// </summary>
    public Func<MigrationContext, CancellationToken, Task> Body { get; }
}
