using System.Text;
using Strata.Errors;
using Strata.Execution;
using Strata.Sources;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>
/// Replays one corpus file through Strata's real path (a migrations folder, <see cref="DirectoryMigrationSource"/>,
/// <see cref="Migrator"/>, <see cref="PostgreSqlDialect"/>) and through <c>psql -v ON_ERROR_STOP=1 -X -q -f</c>,
/// each on a fresh database of the shared server, and dumps both.
/// </summary>
internal sealed class CorpusReplay
{
    private const string DropHistory = """DROP TABLE IF EXISTS "public"."strata_migrations", "public"."strata_migrations_audit" """;

    private readonly PostgresServer _server;
    private readonly PostgresClientTools _tools;

    public CorpusReplay(PostgresServer server, PostgresClientTools tools)
    {
        _server = server;
        _tools = tools;
    }

    /// <summary>The migration file name Strata needs (a version and a slug); psql gets the same file.</summary>
    public static string MigrationName(string corpusFile) => "1_" + corpusFile;

    public async Task<ReplayResult> RunAsync(string corpusFile, ReplayMode mode)
    {
        using var folder = new TempDirectory();
        var name = MigrationName(corpusFile);
        var path = folder.WriteBytes(name, Content(CorpusFiles.Read(corpusFile), mode));
        await using var strataDatabase = await _server.CreateDatabaseAsync();
        await using var psqlDatabase = await _server.CreateDatabaseAsync();

        var strata = ApplyWithStrataAsync(strataDatabase, folder.Path);
        var psql = PostgresClientTools.RunAsync(_tools.Psql, ["-v", "ON_ERROR_STOP=1", "-X", "-q", "-f", path], psqlDatabase.ConnectionString, folder.Path);
        var (error, applied) = await strata;
        var psqlResult = await psql;

        await strataDatabase.ExecuteAsync(DropHistory);
        var dumps = await Task.WhenAll(
            DumpAsync(strataDatabase, "--schema-only"),
            DumpAsync(psqlDatabase, "--schema-only"),
            DumpAsync(strataDatabase, "--data-only"),
            DumpAsync(psqlDatabase, "--data-only"));
        return new ReplayResult(name, error, applied, psqlResult, dumps[0], dumps[1], dumps[2], dumps[3]);
    }

    /// <summary>A schema-only dump of an empty database: what a migration refused as a whole must leave.</summary>
    public async Task<string> DumpEmptyAsync()
    {
        await using var database = await _server.CreateDatabaseAsync();
        return await DumpAsync(database, "--schema-only");
    }

    /// <summary>
    /// The file's bytes, with a <c>-- strata:no-transaction</c> first line (after a BOM, in the file's own line
    /// ending) for <see cref="ReplayMode.NoTransactionHeader"/>.
    /// </summary>
    private static byte[] Content(byte[] file, ReplayMode mode)
    {
        if (mode == ReplayMode.AsWritten)
        {
            return file;
        }

        var bom = file.AsSpan().StartsWith("\uFEFF"u8) ? 3 : 0;
        var newline = file.AsSpan().IndexOf("\r\n"u8) >= 0 ? "\r\n" : "\n";
        var header = Encoding.UTF8.GetBytes("-- strata:no-transaction" + newline);
        return [.. file.AsSpan(0, bom), .. header, .. file.AsSpan(bom)];
    }

    private static async Task<(StrataException? Error, int Applied)> ApplyWithStrataAsync(TestDatabase database, string folder)
    {
        var dialect = new PostgreSqlDialect(database.ConnectionString);
        var migrator = new Migrator(dialect, new DirectoryMigrationSource(folder));
        try
        {
            var run = await migrator.MigrateAsync();
            return (null, run.FilesExecuted);
        }
        catch (StrataException e)
        {
            return (e, 0);
        }
    }

    private Task<string> DumpAsync(TestDatabase database, string what) =>
        _tools.DumpAsync(database.ConnectionString, database.Name, what, "--no-owner", "--no-privileges");
}
