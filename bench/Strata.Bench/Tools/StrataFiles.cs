namespace Strata.Bench.Tools;

/// <summary>Writes a <see cref="MigrationSet"/> as Strata migration files: <c>000001_bench.sql</c> with a down section.</summary>
internal static class StrataFiles
{
    public static async Task WriteAsync(MigrationSet set, string folder)
    {
        foreach (var number in set.Numbers)
        {
            var text = MigrationSet.Up(number) + "\n-- strata:down\n" + MigrationSet.Down(number);
            await File.WriteAllTextAsync(Path.Combine(folder, MigrationSet.Version(number) + "_bench.sql"), text).ConfigureAwait(false);
        }
    }
}
