using Strata.TestSupport;

namespace Strata.Reliability.Tests.Huge;

/// <summary>
/// The R20 files, written once per test class into a temp folder (deleted afterwards): <see cref="Huge"/> holds the
/// INSERTs file and the single-statement file at the CI or full size, <see cref="Tiny"/> one tiny migration for the
/// baseline run.
/// </summary>
public sealed class HugeFolder : IDisposable
{
    private readonly TempDirectory _temp = new();

    public HugeFolder()
    {
        Huge = Directory.CreateDirectory(Path.Combine(_temp.Path, "huge")).FullName;
        Tiny = Directory.CreateDirectory(Path.Combine(_temp.Path, "tiny")).FullName;
        HugeFiles.WriteTiny(Path.Combine(Tiny, "001_tiny.sql"));
        var inserts = Path.Combine(Huge, "001_huge_inserts.sql");
        var statement = Path.Combine(Huge, "002_huge_statement.sql");
        InsertRows = HugeFiles.WriteInserts(inserts, (long)ReliabilitySize.Pick(40, 300) << 20);
        (StatementRows, LiteralLength) = HugeFiles.WriteSingleStatement(statement, (long)ReliabilitySize.Pick(10, 20) << 20);
        Checksums = [HugeFiles.Checksum(inserts), HugeFiles.Checksum(statement)];
    }

    /// <summary>The migrations folder of the huge files.</summary>
    public string Huge { get; }

    /// <summary>The migrations folder of the baseline run.</summary>
    public string Tiny { get; }

    /// <summary>Rows the INSERTs file puts into <c>huge_rows</c>.</summary>
    public long InsertRows { get; }

    /// <summary>Rows the single statement puts into <c>huge_blob</c>.</summary>
    public long StatementRows { get; }

    /// <summary>The length of <c>huge_blob.body</c> for id 0 (the huge literal).</summary>
    public long LiteralLength { get; }

    /// <summary>The checksums the history must record, in version order.</summary>
    public IReadOnlyList<string> Checksums { get; }

    public void Dispose() => _temp.Dispose();
}
