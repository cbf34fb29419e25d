using Strata.Sources;

namespace Strata.Code;

/// <summary>One direction of a C# migration, as the engine runs it.</summary>
public sealed class CodeScript : MigrationScript
{
    /// <summary>Creates the script.</summary>
    /// <param name="body">The method to run (<see cref="CodeMigration.UpAsync"/> or <see cref="CodeMigration.DownAsync"/>).</param>
    /// <param name="sourcePath">The migration's type name, shown in messages.</param>
    /// <param name="transactional">False to run outside a transaction.</param>
    public CodeScript(Func<MigrationContext, CancellationToken, Task> body, string sourcePath, bool transactional)
        : base(sourcePath, transactional)
    {
        Body = body ?? throw new ArgumentNullException(nameof(body));
    }

    /// <summary>The code to run.</summary>
    public Func<MigrationContext, CancellationToken, Task> Body { get; }
}
