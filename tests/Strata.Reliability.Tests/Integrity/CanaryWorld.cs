using System.Globalization;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// The R21 setting: a database owned by a role whose password is the canary, a working folder, and a record of
/// every strata process run against them (what it printed, how it exited) so the test can search all of it at
/// the end. Disposing drops the database and its roles and deletes the folder.
/// </summary>
internal sealed class CanaryWorld : IAsyncDisposable
{
    private readonly List<(string Run, CliResult Result)> _runs = [];

    private CanaryWorld(TestDatabase database, TestRole owner, TempDirectory folder)
    {
        Database = database;
        Owner = owner;
        Folder = folder;
        Directory.CreateDirectory(Migrations);
    }

    /// <summary>The password to hunt for.</summary>
    public Canary Canary { get; } = new();

    /// <summary>The database, owned by <see cref="Owner"/>.</summary>
    public TestDatabase Database { get; }

    /// <summary>The role whose password is the canary.</summary>
    public TestRole Owner { get; }

    /// <summary>The working folder strata runs in (init writes strata.json here).</summary>
    public TempDirectory Folder { get; }

    /// <summary>The migrations folder.</summary>
    public string Migrations => Path.Combine(Folder.Path, "migrations");

    /// <summary>A working <c>postgres://</c> URL with the canary as password (percent-encoded, as a user must write it).</summary>
    public string Url => PostgresUrl.From(Owner.ConnectionString, Canary.Password);

    /// <summary>Every run so far, in order.</summary>
    public IReadOnlyList<(string Run, CliResult Result)> Runs => _runs;

    public static async Task<CanaryWorld> CreateAsync()
    {
        var server = await PostgresServer.SharedAsync();
        var database = await server.CreateDatabaseAsync();
        var folder = new TempDirectory();
        try
        {
            var role = await database.CreateRoleAsync();
            var world = new CanaryWorld(database, role, folder);
            // The canary holds ' and ": doubling the quote is all a string literal needs.
            await server.ExecuteAsync($"ALTER ROLE \"{role.Name}\" PASSWORD '{world.Canary.Password.Replace("'", "''", StringComparison.Ordinal)}'");
            await server.ExecuteAsync($"ALTER DATABASE \"{database.Name}\" OWNER TO \"{role.Name}\"");
            return world;
        }
        catch
        {
            await database.DisposeAsync();
            folder.Dispose();
            throw;
        }
    }

    /// <summary>DATABASE_URL set to <paramref name="url"/> (default: the working URL).</summary>
    public Dictionary<string, string> WithUrl(string? url = null) => new(StringComparer.Ordinal) { ["DATABASE_URL"] = url ?? Url };

    /// <summary>The POSTGRES_* variables of the working database, with the canary as POSTGRES_PASSWORD.</summary>
    public Dictionary<string, string> WithPostgresVariables()
    {
        var (host, port) = PostgresUrl.Endpoint(Owner.ConnectionString);
        return new(StringComparer.Ordinal)
        {
            ["POSTGRES_HOST"] = host,
            ["POSTGRES_PORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["POSTGRES_USER"] = Owner.Name,
            ["POSTGRES_PASSWORD"] = Canary.Password,
            ["POSTGRES_DB"] = Database.Name,
        };
    }

    /// <summary>libpq's PG* variables of the working database, with the canary as PGPASSWORD.</summary>
    public Dictionary<string, string> WithLibpqVariables()
    {
        var (host, port) = PostgresUrl.Endpoint(Owner.ConnectionString);
        return new(StringComparer.Ordinal)
        {
            ["PGHOST"] = host,
            ["PGPORT"] = port.ToString(CultureInfo.InvariantCulture),
            ["PGUSER"] = Owner.Name,
            ["PGPASSWORD"] = Canary.Password,
            ["PGDATABASE"] = Database.Name,
        };
    }

    /// <summary>Runs strata with <paramref name="variables"/>, records it, and checks it exited with one of <paramref name="exits"/>.</summary>
    public async Task<CliResult> RunAsync(string run, int[] exits, IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var result = await StrataProcess.RunAsync(Folder.Path, variables, Scene.RunTimeout, args);
        lock (_runs)
        {
            _runs.Add((run, result));
        }

        exits.ShouldContain(result.ExitCode, $"{run}: strata {string.Join(' ', args)}\n{result}");
        return result;
    }

    /// <summary>Every row of the history and audit tables as text (<c>row::text</c>: every column), labelled with its table.</summary>
    public async Task<IReadOnlyList<string>> StrataRowsAsync()
    {
        var rows = new List<string>();
        await using var connection = await Database.OpenConnectionAsync();
        foreach (var table in new[] { "strata_migrations", "strata_migrations_audit" })
        {
            await using var command = connection.CreateCommand();
            command.CommandText = $"SELECT t::text FROM public.\"{table}\" t";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                rows.Add(table + " " + reader.GetString(0));
            }
        }

        return rows;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Database.DisposeAsync();
        }
        finally
        {
            Folder.Dispose();
        }
    }
}
