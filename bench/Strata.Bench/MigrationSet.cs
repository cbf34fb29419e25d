using System.Globalization;

namespace Strata.Bench;

/// <summary>
/// The N trivial migrations every tool applies (a table and an index each, dropped on the way down), in the
/// neutral form each tool's writer turns into its own file layout.
/// </summary>
internal sealed record MigrationSet(int Size)
{
    public IEnumerable<int> Numbers => Enumerable.Range(1, Size);

    public static string Version(int number) => number.ToString("D6", CultureInfo.InvariantCulture);

    public static string Table(int number) => "bench_" + Version(number);

    public static string Up(int number) =>
        $"CREATE TABLE {Table(number)} (id bigint PRIMARY KEY, name text NOT NULL);\n"
        + $"CREATE INDEX {Table(number)}_name ON {Table(number)} (name);\n";

    public static string Down(int number) => $"DROP TABLE {Table(number)};\n";
}
