using System.Text;
using BenchmarkDotNet.Attributes;
using Strata.Sql;

namespace Strata.Bench.Micro;

/// <summary>The lexer, the splitter and the checksum over <see cref="SqlCorpus"/>; throughput is computed by Program.</summary>
[MemoryDiagnoser]
public class SqlBenchmarks
{
    private string _sql = "";

    /// <summary>The corpus size in bytes (UTF-8), for MB/s.</summary>
    public static int Bytes { get; } = Encoding.UTF8.GetByteCount(SqlCorpus.Build());

    [GlobalSetup]
    public void Setup() => _sql = SqlCorpus.Build();

    [Benchmark(Description = "lexer (SqlLexer.TryNext over every token)")]
    public int Lexer()
    {
        var lexer = new SqlLexer(_sql, Dialect.PostgreSql);
        var count = 0;
        while (lexer.TryNext(out _))
        {
            count++;
        }

        return count;
    }

    [Benchmark(Description = "splitter (SqlSplitter.Split)")]
    public int Splitter() => SqlSplitter.Split(_sql, Dialect.PostgreSql).Count;

    [Benchmark(Description = "checksum (Checksum.Compute)")]
    public string Checksum() => Strata.Sql.Checksum.Compute(_sql);
}
