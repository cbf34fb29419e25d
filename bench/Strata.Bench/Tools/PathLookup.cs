namespace Strata.Bench.Tools;

/// <summary>Finds a peer's executable on PATH (bench/run.sh --peers puts bench/.tools/npm/node_modules/.bin first).</summary>
internal static class PathLookup
{
    public static string? Find(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, program))
            .FirstOrDefault(File.Exists);

    public static string Missing(string program, string install) => $"not installed: no {program} on PATH ({install}; bench/run.sh --peers does it)";
}
