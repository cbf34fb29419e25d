using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Strata.Errors;
using Strata.Sql;

namespace Strata.Schema;

/// <summary>
/// The desired schema as written by the user: <c>schema.sql</c>, or every <c>.sql</c> file of a folder in name order.
/// <see cref="SchemaWorkspace"/> applies them to a scratch database to learn the state they declare.
/// </summary>
public sealed class SchemaFiles
{
    private static readonly HashSet<string> DataVerbs = new(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"], StringComparer.Ordinal);

    /// <summary>Wraps files already read.</summary>
    /// <param name="files">The files, in the order they are applied.</param>
    public SchemaFiles(IReadOnlyList<SchemaFile> files)
    {
        ArgumentNullException.ThrowIfNull(files);
        Files = files;
    }

    /// <summary>The files, in the order they are applied.</summary>
    public IReadOnlyList<SchemaFile> Files { get; }

    /// <summary>Rename hints from every file's comments; a malformed hint is bad input (exit 2).</summary>
    public IReadOnlyList<RenameHint> Renames
    {
        get
        {
            try
            {
                return [.. Files.SelectMany(f => RenameHints.Parse(f.Text, f.Display))];
            }
            catch (FormatException e)
            {
                throw new StrataException(ErrorCategory.BadInput, e.Message, "see docs/schema.md, section Renames");
            }
        }
    }

    /// <summary>
    /// What applying the files depends on from Strata's side, as a hex SHA-256: this build's version (with its commit:
    /// how statements are split may change) and each file's text in order. The kept scratch database is reused when
    /// it already holds what the same key gives (ADR 024).
    /// </summary>
    public string ContentKey
    {
        get
        {
            var version = typeof(SchemaFiles).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "";
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            hash.AppendData(Encoding.UTF8.GetBytes($"{version}\0{Files.Count}\0"));
            foreach (var file in Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{file.Text.Length}\0{file.Text}\0"));
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    /// <summary>True when <paramref name="path"/> is a file or a folder (the schema is declared).</summary>
    /// <param name="path">A schema file or folder.</param>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>
    /// Reads <paramref name="path"/>: a file, or a folder's <c>.sql</c> files in name order. A missing file or an empty
    /// folder is bad input (exit 2) with the way out.
    /// </summary>
    /// <param name="path">The schema file or folder.</param>
    /// <param name="display">How messages name a path; null: as given.</param>
    public static SchemaFiles Read(string path, Func<string, string>? display = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        display ??= p => p;
        var shown = display(path);
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.sql", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new StrataException(ErrorCategory.BadInput, $"the schema folder {shown} has no .sql files", "write the desired schema there, or run `strata pull` to start from the database");
            }

            return new SchemaFiles([.. files.Select(f => new SchemaFile(f, display(f), File.ReadAllText(f)))]);
        }

        if (!File.Exists(path))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"no desired schema: {shown} does not exist",
                "write the schema as plain SQL DDL in schema.sql (or set \"schema\" in strata.json to a file or folder), or run `strata pull` to create it from the database");
        }

        return new SchemaFiles([new SchemaFile(path, shown, File.ReadAllText(path))]);
    }

    /// <summary>
    /// Each file's data statements (INSERT, UPDATE, DELETE, COPY, MERGE): "file:line VERB" for the first, with how many
    /// more. The declared schema is compared by structure, so its rows never reach a diff or a generated migration.
    /// </summary>
    /// <param name="dialect">The SQL rules the files are split with.</param>
    public IReadOnlyList<string> DataStatements(Dialect dialect)
    {
        var found = new List<string>();
        foreach (var file in Files)
        {
            List<(int Line, string Verb)> data;
            try
            {
                data = [.. SqlSplitter.Split(file.Text, dialect).Select(s => (s.Line, Verb: FirstWord(s.Text))).Where(s => DataVerbs.Contains(s.Verb))];
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                continue; // a file the splitter cannot read fails with its line when it is applied
            }

            if (data.Count > 0)
            {
                found.Add($"{file.Display}:{data[0].Line} {data[0].Verb}" + (data.Count > 1 ? $" (and {data.Count - 1} more data statement{(data.Count > 2 ? "s" : "")})" : ""));
            }
        }

        return found;
    }

    /// <summary>The statement's first word in upper case, after leading comments.</summary>
    private static string FirstWord(string statement)
    {
        var lines = statement.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith("--", StringComparison.Ordinal));
        var first = lines.FirstOrDefault() ?? "";
        var end = first.IndexOfAny([' ', '\t', '(', ';']);
        return (end < 0 ? first : first[..end]).ToUpperInvariant();
    }
}
