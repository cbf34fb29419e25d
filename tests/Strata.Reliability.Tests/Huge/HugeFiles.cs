using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Strata.Reliability.Tests.Huge;

/// <summary>
/// Writes the migrations of R20 (standard SQL that PostgreSQL and SQLite both run): a file of many multi-row
/// INSERTs, and a file holding one INSERT statement whose first value is one huge string literal. The text has
/// quotes, semicolons and line breaks inside literals and non-ASCII characters, so splitting mistakes show.
/// </summary>
internal static class HugeFiles
{
    private const int RowsPerInsert = 10;

    /// <summary>
    /// <c>001_huge_inserts.sql</c>: creates <c>huge_rows</c> and <c>huge_blob</c>, then INSERTs into
    /// <c>huge_rows</c> until the file has at least <paramref name="bytes"/> bytes. Returns the number of rows.
    /// </summary>
    public static long WriteInserts(string path, long bytes)
    {
        using var writer = Writer(path);
        writer.Write("-- R20: many INSERT statements\nCREATE TABLE huge_rows (id bigint PRIMARY KEY, name text NOT NULL, note text NOT NULL);\n");
        writer.Write("CREATE TABLE huge_blob (id bigint PRIMARY KEY, body text NOT NULL);\n");
        var rows = 0L;
        var line = new StringBuilder();
        while (writer.BaseStream.Position < bytes)
        {
            line.Clear().Append("INSERT INTO huge_rows (id, name, note) VALUES\n");
            for (var i = 0; i < RowsPerInsert; i++)
            {
                rows++;
                line.Append(i == 0 ? "  " : ",\n  ").Append('(').Append(rows.ToString(CultureInfo.InvariantCulture))
                    .Append(", 'row ").Append(rows.ToString(CultureInfo.InvariantCulture)).Append(" – ünïcödé', ")
                    .Append("'it''s a note; with a semicolon -- and not a comment /* nor this */ and some padding to make the row longer: 0123456789abcdef')");
            }

            writer.Write(line.Append(";\n"));
        }

        return rows;
    }

    /// <summary>
    /// <c>002_huge_statement.sql</c>: one INSERT into <c>huge_blob</c> of about <paramref name="bytes"/> bytes: a string
    /// literal of half that size (id 0), then rows of 2,000-character literals. Returns the rows and the length of
    /// the big literal's value.
    /// </summary>
    public static (long Rows, long LiteralLength) WriteSingleStatement(string path, long bytes)
    {
        using var writer = Writer(path);
        writer.Write("-- R20: one statement of about ");
        writer.Write((bytes >> 20).ToString(CultureInfo.InvariantCulture));
        writer.Write(" MB\nINSERT INTO huge_blob (id, body) VALUES (0, '");
        const string Piece = "a line of the big literal; it''s got quotes, semicolons; and -- dashes\n";
        var literalLength = 0L;
        while (writer.BaseStream.Position < bytes / 2)
        {
            writer.Write(Piece);
            literalLength += Piece.Length - 1;
        }

        writer.Write("')");
        var rows = 1L;
        var row = "'" + string.Concat(Enumerable.Repeat("0123456789", 200)) + "'";
        while (writer.BaseStream.Position < bytes)
        {
            writer.Write(",\n(");
            writer.Write(rows.ToString(CultureInfo.InvariantCulture));
            writer.Write(", ");
            writer.Write(row);
            writer.Write(')');
            rows++;
        }

        writer.Write(";\n");
        return (rows, literalLength);
    }

    /// <summary>The migration the baseline run applies: one tiny table.</summary>
    public static void WriteTiny(string path) =>
        File.WriteAllText(path, "CREATE TABLE tiny (id int PRIMARY KEY);\nINSERT INTO tiny VALUES (1);\n");

    /// <summary>
    /// A migration just large enough to be streamed (above 8 MiB of INSERTs into <paramref name="table"/>), ending
    /// with <paramref name="last"/>; <paramref name="header"/> goes first (a directive, or empty).
    /// </summary>
    public static void WriteStreamedWith(string path, string header, string table, string last)
    {
        using var writer = Writer(path);
        writer.Write(header);
        writer.Write($"CREATE TABLE {table} (id bigint PRIMARY KEY, note text);\n");
        for (var id = 1L; writer.BaseStream.Position < 9L << 20; id++)
        {
            writer.Write($"INSERT INTO {table} VALUES ({id}, 'padding padding padding padding padding padding padding padding padding padding');\n");
        }

        writer.Write(last);
    }

    /// <summary>
    /// The Strata checksum of a generated file: SHA-256 of its bytes, which already are canonical (UTF-8, no BOM,
    /// no CR), computed without loading the file.
    /// </summary>
    public static string Checksum(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static StreamWriter Writer(string path) =>
        new(new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 20), new UTF8Encoding(false), 1 << 16) { NewLine = "\n" };
}
