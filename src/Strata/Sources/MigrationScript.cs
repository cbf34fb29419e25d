namespace Strata.Sources;

/// <summary>
/// One direction (up or down) of a migration. SQL files produce <see cref="SqlScript"/>; code migrations
/// (library use) bring their own subclass.
/// </summary>
public abstract class MigrationScript
{
    /// <summary>Creates a script read from <paramref name="sourcePath"/>.</summary>
    protected MigrationScript(string sourcePath, bool transactional)
    {
        SourcePath = sourcePath;
        Transactional = transactional;
    }

    /// <summary>The path shown to users in messages (relative to the working directory when possible).</summary>
    public string SourcePath { get; }

    /// <summary>
    /// True (the default) when the script runs in one transaction together with its history change;
    /// false after a <c>-- strata:no-transaction</c> header, when statements run one by one.
    /// </summary>
    public bool Transactional { get; }
}
