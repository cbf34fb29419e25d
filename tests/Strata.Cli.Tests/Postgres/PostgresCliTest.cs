using Strata.TestSupport;

namespace Strata.Cli.Tests.Postgres;

/// <summary>
/// Base of the PostgreSQL CLI tests: each test gets its own empty database on the shared server and its own
/// workspace folder, and runs strata there with DATABASE_URL pointing at that database.
/// </summary>
public abstract class PostgresCliTest : PostgresTestBase, IDisposable
{
    /// <summary>This test's folder with its <c>migrations/</c>; deleted by <see cref="Dispose"/>.</summary>
    protected Workspace Workspace { get; } = new();

    /// <summary>The test database as a <c>postgres://</c> URL, as a user puts it in DATABASE_URL.</summary>
    protected string DatabaseUrl => PostgresUrl.From(Database.ConnectionString);

    public void Dispose()
    {
        Workspace.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>strata in-process, in the workspace, with DATABASE_URL set to this test's database.</summary>
    protected Cli Cli() => new Cli(Workspace.Root).With("DATABASE_URL", DatabaseUrl);

    /// <summary>The environment a strata process gets: DATABASE_URL (optionally with query parameters) and nothing else of ours.</summary>
    protected Dictionary<string, string> ProcessVariables(string? query = null) =>
        new(StringComparer.Ordinal) { ["DATABASE_URL"] = PostgresUrl.From(Database.ConnectionString, query: query) };

    /// <summary>The number of rows in <c>public.strata_migrations</c>, or -1 when the table does not exist.</summary>
    protected async Task<long> HistoryRowsAsync() =>
        await Database.ScalarAsync<bool>("SELECT to_regclass('public.strata_migrations') IS NOT NULL")
            ? await Database.ScalarAsync<long>("SELECT count(*) FROM public.strata_migrations")
            : -1;

    /// <summary>
    /// Fails unless every <c>strata_scratch_*</c> database on the server now goes away. Other test classes running in
    /// parallel make short-lived scratch databases of their own all the time, so this takes the names there are now and
    /// waits (up to a minute) for each of those to be dropped: a leaked one never goes away, a neighbour's does within
    /// seconds, and the neighbours' newer ones are not waited for.
    /// </summary>
    protected async Task ShouldLeaveNoScratchDatabaseAsync()
    {
        const string Left = "SELECT datname FROM pg_database WHERE datname LIKE 'strata\\_scratch\\_%' AND datname = ANY($1)";
        var names = (await Database.ScalarAsync<string[]>("SELECT coalesce(array_agg(datname), '{}') FROM pg_database WHERE datname LIKE 'strata\\_scratch\\_%'"))!;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (names.Length > 0)
        {
            names = (await Database.ScalarAsync<string[]>($"SELECT coalesce(array_agg(datname), '{{}}') FROM ({Left}) d", (object)names))!; // one array parameter, not one per name
            if (names.Length > 0)
            {
                clock.Elapsed.ShouldBeLessThan(TimeSpan.FromMinutes(1), "scratch databases left on the server: " + string.Join(", ", names));
                await Task.Delay(200);
            }
        }
    }

    /// <summary>True when <paramref name="name"/> (a table, index or other relation) exists.</summary>
    protected Task<bool> RelationExistsAsync(string name) =>
        Database.ScalarAsync<bool>("SELECT to_regclass($1) IS NOT NULL", name);
}
