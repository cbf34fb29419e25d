using System.Globalization;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// What a (possibly crashed) SQLite migration database holds, read after SQLite's own recovery: integrity, the
/// history rows, and which migrations' objects exist completely. Each migration <c>mN</c> creates table <c>mN</c>
/// with a fixed number of rows and index <c>mN_v</c>.
/// </summary>
internal sealed record CrashState(string Integrity, IReadOnlyList<long> History, IReadOnlyList<string> States, IReadOnlyList<long> CompleteObjects, IReadOnlyList<long> PartialObjects)
{
    /// <summary>Reads the state of <paramref name="database"/> for migrations 1..<paramref name="migrations"/> of <paramref name="rows"/> rows each.</summary>
    public static async Task<CrashState> ReadAsync(string database, int migrations, int rows)
    {
        await using var connection = await SqliteFiles.OpenAsync(database);
        var integrity = await SqliteFiles.ScalarAsync(connection, "PRAGMA integrity_check") ?? "";
        var hasHistory = await SqliteFiles.ScalarAsync(connection, "SELECT count(*) FROM sqlite_master WHERE name = 'strata_migrations'") == "1";
        var history = new List<long>();
        var states = new List<string>();
        if (hasHistory)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version, state FROM strata_migrations ORDER BY version";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                history.Add(reader.GetInt64(0));
                states.Add(reader.GetString(1));
            }
        }

        var complete = new List<long>();
        var partial = new List<long>();
        for (var i = 1; i <= migrations; i++)
        {
            var name = "m" + i.ToString("00", CultureInfo.InvariantCulture);
            var objects = await SqliteFiles.ScalarAsync(connection, $"SELECT count(*) FROM sqlite_master WHERE name IN ('{name}', '{name}_v')");
            if (objects == "0")
            {
                continue;
            }

            var count = await SqliteFiles.ScalarAsync(connection, $"SELECT count(*) FROM {name}");
            (objects == "2" && count == rows.ToString(CultureInfo.InvariantCulture) ? complete : partial).Add(i);
        }

        return new CrashState(integrity, history, states, complete, partial);
    }

    /// <summary>For messages.</summary>
    public override string ToString() =>
        $"integrity {Integrity}; history [{string.Join(',', History)}] ({string.Join(',', States.Distinct())}); complete objects [{string.Join(',', CompleteObjects)}]; partial [{string.Join(',', PartialObjects)}]";
}
