namespace Strata.Bench;

/// <summary>
/// The database and files of one timed run of one tool: a fresh database on the throwaway server, the tool's
/// migrations for the size being measured and a scratch folder to run in.
/// </summary>
internal sealed record ToolRun(BenchServer Server, string Database, MigrationSet Set, string MigrationsFolder, string WorkFolder)
{
    public string ConnectionString => Server.ConnectionString(Database);

    public string Url => Server.Url(Database);
}
