using System.Globalization;
using System.Text;

namespace Strata.Bench.Micro;

/// <summary>
/// The text the micro-benchmarks read: about 1 MB of PostgreSQL migration SQL with what makes lexing hard (tables,
/// indexes, a dollar-quoted function body, comments, string literals with quotes and semicolons), built in memory.
/// </summary>
internal static class SqlCorpus
{
    public static string Build(int targetBytes = 1 << 20)
    {
        var text = new StringBuilder();
        for (var i = 0; text.Length < targetBytes; i++)
        {
            var n = i.ToString("D6", CultureInfo.InvariantCulture);
            text.Append("-- migration ").Append(n).Append(": orders and their audit trigger\n")
                .Append("CREATE TABLE orders_").Append(n).Append(" (\n    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,\n")
                .Append("    note text NOT NULL DEFAULT 'it''s; not a statement end',\n    total numeric(12, 2) CHECK (total >= 0)\n);\n")
                .Append("CREATE INDEX orders_").Append(n).Append("_total ON orders_").Append(n).Append(" (total);\n")
                .Append("/* a block comment; with a semicolon */\n")
                .Append("CREATE FUNCTION audit_").Append(n).Append("() RETURNS trigger LANGUAGE plpgsql AS $fn$\nBEGIN\n")
                .Append("    INSERT INTO audit (tbl, at) VALUES ('orders_").Append(n).Append("', now());\n    RETURN NEW;\nEND;\n$fn$;\n")
                .Append("INSERT INTO orders_").Append(n).Append(" (note, total) VALUES (E'line\\nbreak', 1.50), ('x', 2);\n\n");
        }

        return text.ToString();
    }
}
