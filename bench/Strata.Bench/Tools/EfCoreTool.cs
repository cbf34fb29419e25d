namespace Strata.Bench.Tools;

/// <summary>
/// EF Core with the Npgsql provider from NuGet: a generated program per size (see <see cref="EfCoreProject"/>),
/// built once into bench/.tools/efcore and reused; <c>Database.Migrate()</c> applies (each migration in its own
/// transaction with its history row), <c>IMigrator.Migrate("0")</c> rolls all back. A build or restore failure is
/// reported as "not installable here" with the first error line.
/// </summary>
internal sealed class EfCoreTool(string toolsDirectory) : IMigrationTool
{
    public string Name => $"EF Core {EfCoreProject.Version} (Npgsql)";

    public string? Unavailable => null;

    public bool Supports(Operation operation) => true;

    public async Task PrepareAsync(MigrationSet set, string folder)
    {
        var project = Path.Combine(toolsDirectory, "efcore", set.Size.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var program = Path.Combine(project, "out", "Bench.EfCore.dll");
        if (!File.Exists(program))
        {
            await EfCoreProject.WriteAsync(set, project).ConfigureAwait(false);
            try
            {
                await CommandRunner.TimeAsync("dotnet", ["build", "-c", "Release", "-o", "out", "--nologo", "-v", "quiet"], project).ConfigureAwait(false);
            }
            catch (InvalidOperationException e)
            {
                var error = e.Message.Split('\n').FirstOrDefault(l => l.Contains("error", StringComparison.Ordinal)) ?? e.Message;
                throw new InvalidOperationException("not installable here: " + error.Trim(), e);
            }
        }

        await File.WriteAllTextAsync(Path.Combine(folder, "program"), program).ConfigureAwait(false);
    }

    public async Task<TimeSpan> RunAsync(Operation operation, ToolRun run)
    {
        var program = await File.ReadAllTextAsync(Path.Combine(run.MigrationsFolder, "program")).ConfigureAwait(false);
        return await CommandRunner.TimeAsync(
            "dotnet",
            [program, operation.ToString().ToLowerInvariant()],
            run.WorkFolder,
            new Dictionary<string, string> { ["BENCH_CONNECTION"] = run.ConnectionString }).ConfigureAwait(false);
    }
}
