using Strata.Execution;
using Strata.Planning;
using Strata.Sources;
using Strata.Sources.Layouts;
using Strata.Sql;
using Strata.Sqlite;

namespace Strata.Corpus;

/// <summary>
/// One folder on SQLite: the <c>sqlite3</c> shell applies each migration's up script in Strata's order on one fresh
/// database file (<c>sqlite3 -bail</c>, the script as the layout reader cut it out of the tool's file, inside
/// <c>BEGIN; … COMMIT;</c> when the tool runs the migration in a transaction and the file holds no transaction
/// control of its own), Strata migrates another file as far as sqlite3 got, and their <c>.dump</c> (schema and rows)
/// must be identical; then both roll back the newest applied migrations that have down scripts and are compared again.
/// With <c>rows</c>, both go one migration at a time and get the same <see cref="SeedRows"/> after each.
/// </summary>
internal sealed class SqliteFolderRun(string workFolder, bool rows = false)
{
    public async Task<CorpusRow> RunAsync(CorpusEntry entry, int number)
    {
        var layout = LayoutDetector.Detect(entry.Folder) ?? MigrationLayout.Strata;
        var source = new DirectoryMigrationSource(entry.Folder) { Layout = layout };
        var row = new CorpusRow(entry.Project, LayoutReaders.NameOf(layout), Sqlite3Version);
        IReadOnlyList<Migration> migrations;
        try
        {
            migrations = await source.LoadAsync(Dialect.Sqlite, CancellationToken.None);
        }
        catch (Errors.StrataException e)
        {
            Console.Error.WriteLine(e.Message);
            return row with { Up = $"Strata refuses the folder: {FolderRun.First(e.Message)}", Identical = "**no**" };
        }

        row = row with { Migrations = migrations.Count.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        var (shell, strata) = (Path.Combine(workFolder, $"corpus{number}_sqlite3.db"), Path.Combine(workFolder, $"corpus{number}_strata.db"));
        Reset(shell);
        Reset(strata);
        try
        {
            return await CompareAsync(row, migrations, source, shell, strata, rows);
        }
        finally
        {
            Reset(shell);
            Reset(strata);
        }
    }

    /// <summary>The sqlite3 shell's version (the engine column of the table).</summary>
    public static string Sqlite3Version { get; set; } = "sqlite3";

    private static async Task<CorpusRow> CompareAsync(CorpusRow row, IReadOnlyList<Migration> migrations, DirectoryMigrationSource source, string shell, string strata, bool rows)
    {
        var migrator = new Migrator(new SqliteDialect(strata), source, new MigratorOptions { LockTimeout = TimeSpan.FromSeconds(30) });
        var (applied, shellError, strataError) = rows
            ? await SeededUpAsync(migrations, migrator, shell, strata)
            : await PlainUpAsync(migrations, migrator, shell);
        row = row with { Up = shellError is null ? $"{applied} / {applied}" : $"{applied} (then {shellError}) / {applied}" };
        if (strataError is not null)
        {
            return row with { Up = $"{applied} / Strata fails: {strataError}", Identical = "**no**" };
        }

        if (applied == 0)
        {
            return row with { Identical = "n/a (sqlite3 applies none)" };
        }

        var upSame = await SameAsync(shell, strata, "up");
        var downs = migrations.Take(applied).Where(m => m.Kind == MigrationKind.Versioned).Reverse().TakeWhile(m => m.Down is not null).ToList();
        if (downs.Count == 0)
        {
            return row with { Down = "no down scripts", Identical = upSame ? "yes" : "**no** (up)" };
        }

        var (undone, downError) = await ShellAsync(shell, downs.Select(m => (m.DisplayName + " (down)", m.Down!)));
        row = row with { Down = downError is null ? $"{undone} / {undone}" : $"{undone} (then {downError}) / {undone}" };
        try
        {
            if (undone > 0)
            {
                await migrator.RollbackAsync(new RollbackOptions { Steps = undone });
            }
        }
        catch (Errors.StrataException e)
        {
            Console.Error.WriteLine(e.Message);
            return row with { Down = $"{undone} / Strata fails: {FolderRun.First(e.Message)}", Identical = upSame ? "**no** (down)" : "**no** (up, down)" };
        }

        var downSame = undone == 0 || await SameAsync(shell, strata, "down");
        return row with { Identical = upSame && downSame ? "yes" : $"**no** ({(upSame ? "" : "up ")}{(downSame ? "" : "down")})" };
    }

    /// <summary>sqlite3 applies every script it can; Strata migrates as far as it got.</summary>
    private static async Task<(int Applied, string? ShellError, string? StrataError)> PlainUpAsync(IReadOnlyList<Migration> migrations, Migrator migrator, string shell)
    {
        var (applied, shellError) = await ShellAsync(shell, migrations.Select(m => (m.DisplayName, m.Up)));
        var upTo = applied == migrations.Count ? null : migrations.Take(applied).LastOrDefault(m => m.Version is not null)?.Version;
        return (applied, shellError, applied == 0 ? null : await StrataUpAsync(migrator, upTo));
    }

    /// <summary>One migration at a time on both sides, the same seed rows into both after each versioned one.</summary>
    private static async Task<(int Applied, string? ShellError, string? StrataError)> SeededUpAsync(IReadOnlyList<Migration> migrations, Migrator migrator, string shell, string strata)
    {
        var applied = 0;
        foreach (var migration in migrations)
        {
            var (done, shellError) = await ShellAsync(shell, [(migration.DisplayName, migration.Up)]);
            if (done == 0)
            {
                return (applied, shellError, null);
            }

            applied++;
            if (migration.Version is null)
            {
                continue;
            }

            if (await StrataUpAsync(migrator, migration.Version) is { } strataError)
            {
                return (applied, null, strataError);
            }

            var seed = SeedRows.Consistent(await SeedRows.ScriptAsync(shell, applied));
            await Sqlite3.RunLenientAsync(shell, seed);
            await Sqlite3.RunLenientAsync(strata, seed);
        }

        return (applied, null, await StrataUpAsync(migrator, null));
    }

    private static async Task<string?> StrataUpAsync(Migrator migrator, long? target)
    {
        try
        {
            await migrator.MigrateAsync(new MigrateOptions { Target = target });
            return null;
        }
        catch (Errors.StrataException e)
        {
            Console.Error.WriteLine(e.Message);
            return FolderRun.First(e.Message);
        }
    }

    /// <summary>Whether both dumps are identical; when not, both are kept in the temp folder and the first differing lines go to stderr.</summary>
    private static async Task<bool> SameAsync(string shell, string strata, string step)
    {
        var (a, b) = (await Sqlite3.DumpAsync(shell), await Sqlite3.DumpAsync(strata));
        if (a == b)
        {
            return true;
        }

        var kept = Path.Combine(Path.GetTempPath(), Path.GetFileNameWithoutExtension(shell).Replace("_sqlite3", "", StringComparison.Ordinal) + "-" + step);
        await File.WriteAllTextAsync(kept + "-sqlite3.sql", a);
        await File.WriteAllTextAsync(kept + "-strata.sql", b);
        Console.Error.WriteLine($"{step}: the dumps are kept as {kept}-sqlite3.sql and {kept}-strata.sql");

        var (left, right) = (a.Split('\n'), b.Split('\n'));
        var at = Enumerable.Range(0, Math.Min(left.Length, right.Length)).FirstOrDefault(i => left[i] != right[i], Math.Min(left.Length, right.Length));
        Console.Error.WriteLine($"{step}: dumps differ at line {at + 1}:\n  sqlite3: {left.ElementAtOrDefault(at)}\n  Strata:  {right.ElementAtOrDefault(at)}");
        return false;
    }

    /// <summary>Runs the scripts in order with sqlite3; how many succeeded and the first error (null when all did).</summary>
    private static async Task<(int Done, string? Error)> ShellAsync(string database, IEnumerable<(string Name, MigrationScript Script)> scripts)
    {
        var done = 0;
        foreach (var (name, script) in scripts)
        {
            if (script is not SqlScript sql)
            {
                return (done, $"sqlite3 cannot run {name}: not SQL");
            }

            if (await Sqlite3.RunAsync(database, Wrapped(sql)) is { } error)
            {
                return (done, $"sqlite3 fails at {name}: {FolderRun.First(error)}");
            }

            done++;
        }

        return (done, null);
    }

    /// <summary>
    /// The script as the tool runs it: in <c>BEGIN; … COMMIT;</c> (added on the first and after the last line, so
    /// sqlite3's line numbers stay the file's) when the migration is transactional and has no transaction control of
    /// its own; as written otherwise. A closing <c>;</c> ends a last statement written without one.
    /// </summary>
    private static string Wrapped(SqlScript sql)
    {
        var own = SqlSplitter.Split(sql.Sql, Dialect.Sqlite).Any(s => s.Text.TrimStart().Split(' ', '\t', '\r', '\n', ';')[0].ToUpperInvariant() is "BEGIN" or "COMMIT" or "END" or "ROLLBACK");
        return sql.Transactional && !own ? "BEGIN;" + sql.Sql + "\n;COMMIT;\n" : sql.Sql + "\n;\n";
    }

    private static void Reset(string file)
    {
        foreach (var path in new[] { file, file + "-journal", file + "-wal", file + "-shm" })
        {
            File.Delete(path);
        }
    }
}
