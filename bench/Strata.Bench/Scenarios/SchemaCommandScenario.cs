namespace Strata.Bench.Scenarios;

/// <summary>
/// The schema commands against <c>pg_dump --schema-only</c> of the same database (issue 17's target: <c>diff</c> and
/// <c>push</c> within 1.5× of it). Set-up builds a <see cref="RealShapedSchema"/> database with psql and writes its
/// schema.sql with <c>strata pull</c> (untimed). <see cref="SchemaCommand.Dump"/> times <c>pg_dump --schema-only</c>;
/// <see cref="SchemaCommand.Diff"/> times <c>strata diff --exit-code</c> (nothing differs; schema.sql replayed on the
/// kept scratch database); <see cref="SchemaCommand.Push"/> times <c>strata push --yes</c> into an empty database,
/// created before and dropped after each run, untimed; <see cref="SchemaCommand.PushScriptByPsql"/> times
/// <c>psql -1 -f</c> of the script push runs (written once by <c>strata push --dry-run</c>) into such a database.
/// </summary>
internal sealed class SchemaCommandScenario(BenchServer server, SchemaCommand command, string tool, string executable, string? unavailable, int size, string scratch) : IScenario
{
    private readonly string _database = $"schema_{size}_{command.ToString().ToLowerInvariant()}";
    private int _pushes;

    private string Folder => Path.Combine(scratch, _database);

    public static string WhatOf(SchemaCommand command, int size) => command switch
    {
        SchemaCommand.Dump => $"schema of {size} tables: pg_dump --schema-only",
        SchemaCommand.Diff => $"schema of {size} tables: strata diff (no differences)",
        SchemaCommand.PushScriptByPsql => $"schema of {size} tables: push's script by psql -1 -f into an empty database",
        _ => $"schema of {size} tables: strata push into an empty database",
    };

    public string What => WhatOf(command, size);

    public string Tool => command switch
    {
        SchemaCommand.Dump => "pg_dump",
        SchemaCommand.PushScriptByPsql => "psql -1 -f (script from strata push --dry-run)",
        _ => tool,
    };

    public int Size => size;

    public string? NotMeasured => command == SchemaCommand.Dump ? null : unavailable ?? (File.Exists(executable) ? null : $"not built: {executable} is missing");

    public async Task SetUpAsync()
    {
        await server.CreateDatabaseAsync(_database).ConfigureAwait(false);
        var folder = Directory.CreateDirectory(Folder).FullName;
        var file = Path.Combine(folder, "setup.sql");
        await File.WriteAllTextAsync(file, RealShapedSchema.Sql(size)).ConfigureAwait(false);
        await CommandRunner.TimeAsync("psql", ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", file], folder, server.LibpqEnvironment(_database)).ConfigureAwait(false);
        File.Delete(file);
        if (command != SchemaCommand.Dump)
        {
            await Strata(["pull", "--quiet", "--no-color"], _database).ConfigureAwait(false);
        }

        if (command == SchemaCommand.PushScriptByPsql)
        {
            var empty = $"{_database}_empty";
            await server.CreateDatabaseAsync(empty).ConfigureAwait(false);
            await CommandRunner.TimeAsync("/bin/sh", ["-c", "\"$0\" push --dry-run --quiet --no-color > push.sql", executable], folder, new Dictionary<string, string> { ["DATABASE_URL"] = server.Url(empty) }).ConfigureAwait(false);
            await server.DropDatabaseAsync(empty).ConfigureAwait(false);
        }
    }

    public async Task<TimeSpan> RunOnceAsync()
    {
        switch (command)
        {
            case SchemaCommand.Dump:
                return await CommandRunner.TimeAsync("pg_dump", ["--schema-only", "-f", "/dev/null"], Folder, server.LibpqEnvironment(_database)).ConfigureAwait(false);
            case SchemaCommand.Diff:
                return await Strata(["diff", "--exit-code", "--quiet", "--no-color"], _database).ConfigureAwait(false);
            case SchemaCommand.PushScriptByPsql:
                var empty = $"{_database}_{_pushes++}";
                await server.CreateDatabaseAsync(empty).ConfigureAwait(false);
                var psql = await CommandRunner.TimeAsync("psql", ["-X", "-q", "-1", "-v", "ON_ERROR_STOP=1", "-f", "push.sql"], Folder, server.LibpqEnvironment(empty)).ConfigureAwait(false);
                await server.DropDatabaseAsync(empty).ConfigureAwait(false);
                return psql;
            default:
                var target = $"{_database}_{_pushes++}";
                await server.CreateDatabaseAsync(target).ConfigureAwait(false);
                var elapsed = await Strata(["push", "--yes", "--quiet", "--no-color"], target).ConfigureAwait(false);
                await server.DropDatabaseAsync(target).ConfigureAwait(false);
                return elapsed;
        }
    }

    public async Task TearDownAsync()
    {
        await server.DropDatabaseAsync(_database).ConfigureAwait(false);
        if (Directory.Exists(Folder))
        {
            Directory.Delete(Folder, recursive: true);
        }
    }

    private Task<TimeSpan> Strata(string[] arguments, string database) =>
        CommandRunner.TimeAsync(executable, arguments, Folder, new Dictionary<string, string> { ["DATABASE_URL"] = server.Url(database) });
}
