using System.Text;
using Strata.Errors;

namespace Strata.PostgreSql.Backups;

/// <summary>Checks that a file is a pg_dump custom-format archive before anything is created for it.</summary>
internal static class ArchiveFile
{
    /// <summary>
    /// The archive's format version (bytes 6 and 7, after <c>PGDMP</c>) and the oldest PostgreSQL major whose
    /// pg_restore reads it: pg_restore refuses a newer format ("unsupported version (1.16) in file header"). Format 1.15
    /// came with pg_dump 16, 1.16 with pg_dump 17; older formats are read by every client Strata accepts (13 and newer).
    /// </summary>
    public static (string Format, int ReaderMajor) Format(string path)
    {
        var head = new byte[7];
        using (var stream = File.OpenRead(path))
        {
            if (stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) < head.Length)
            {
                return ("?", 0);
            }
        }

        var format = $"{head[5]}.{head[6]}";
        return (head[5], head[6]) switch
        {
            (1, >= 16) => (format, 17),
            (1, 15) => (format, 16),
            _ => (format, 0),
        };
    }

    public static void Check(string path)
    {
        if (!File.Exists(path))
        {
            throw new StrataException(ErrorCategory.BadInput, $"{path}: no such backup file", "name a file `strata backup` wrote (they are in the backup folder, backups/ by default)");
        }

        var head = new byte[16];
        int read;
        using (var stream = File.OpenRead(path))
        {
            read = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        }

        if (read >= 5 && Encoding.ASCII.GetString(head, 0, 5) == "PGDMP")
        {
            return;
        }

        var text = Encoding.ASCII.GetString(head, 0, read);
        var (what, hint) = text switch
        {
            _ when text.StartsWith("SQLite format 3", StringComparison.Ordinal) => ("a SQLite database, not a PostgreSQL backup", "restore it with a SQLite database configured"),
            _ when text.StartsWith("--", StringComparison.Ordinal) || text.StartsWith("SET ", StringComparison.Ordinal) => ("a plain SQL dump, not a pg_dump custom-format archive", "restore a plain dump with `psql -v ON_ERROR_STOP=1 -f <file>` into an empty database"),
            _ when read == 0 => ("empty", "the backup that wrote it did not finish; use an older backup"),
            _ => ("not a pg_dump custom-format archive (it does not start with PGDMP)", "name a .dump file `strata backup` or `pg_dump -Fc` wrote"),
        };
        throw new StrataException(ErrorCategory.BadInput, $"{path}: {what}", hint);
    }
}
