using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Cli.Infrastructure;

/// <summary>The desired schema as written by the user: <c>schema.sql</c>, or every <c>.sql</c> file of a folder in name order.</summary>
internal sealed record SchemaFiles(IReadOnlyList<(string Path, string Display, string Text)> Files)
{
    /// <summary>Rename hints from every file's comments.</summary>
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
            foreach (var (_, _, text) in Files)
            {
                hash.AppendData(Encoding.UTF8.GetBytes($"{text.Length}\0{text}\0"));
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }
    }

    /// <summary>True when <paramref name="path"/> is a file or a folder (the schema is declared).</summary>
    public static bool Exists(string path) => File.Exists(path) || Directory.Exists(path);

    /// <summary>Reads <paramref name="path"/>; a missing file or an empty folder is bad input with the way out.</summary>
    public static SchemaFiles Read(CommandContext context, string path)
    {
        var display = Output.RunRenderer.Relative(context, path);
        if (Directory.Exists(path))
        {
            var files = Directory.GetFiles(path, "*.sql", SearchOption.TopDirectoryOnly).Order(StringComparer.Ordinal).ToList();
            if (files.Count == 0)
            {
                throw new StrataException(ErrorCategory.BadInput, $"the schema folder {display} has no .sql files", "write the desired schema there, or run `strata pull` to start from the database");
            }

            return Warned(context, new SchemaFiles([.. files.Select(f => (f, Output.RunRenderer.Relative(context, f), File.ReadAllText(f)))]));
        }

        if (!File.Exists(path))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"no desired schema: {display} does not exist",
                "write the schema as plain SQL DDL in schema.sql (or set \"schema\" in strata.json to a file or folder), or run `strata pull` to create it from the database");
        }

        return Warned(context, new SchemaFiles([(path, display, File.ReadAllText(path))]));
    }

    /// <summary>
    /// Each file's data statements (INSERT, UPDATE, DELETE, COPY, MERGE): "file:line VERB" for the first, with how many
    /// more. The declared schema is compared by structure, so its rows never reach a diff or a generated migration.
    /// </summary>
    public IReadOnlyList<string> DataStatements(Sql.SqlFlavor flavor)
    {
        var found = new List<string>();
        foreach (var (_, display, text) in Files)
        {
            List<(int Line, string Verb)> data;
            try
            {
                data = [.. Sql.SqlSplitter.Split(text, flavor).Select(s => (s.Line, Verb: FirstWord(s.Text))).Where(s => DataVerbs.Contains(s.Verb))];
            }
            catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException)
            {
                continue; // a file the splitter cannot read fails with its line when it is applied
            }

            if (data.Count > 0)
            {
                found.Add($"{display}:{data[0].Line} {data[0].Verb}" + (data.Count > 1 ? $" (and {data.Count - 1} more data statement{(data.Count > 2 ? "s" : "")})" : ""));
            }
        }

        return found;
    }

    private static readonly HashSet<string> DataVerbs = new(["INSERT", "UPDATE", "DELETE", "COPY", "MERGE"], StringComparer.Ordinal);

    private static SchemaFiles Warned(CommandContext context, SchemaFiles files)
    {
        foreach (var statement in files.DataStatements(context.Flavor))
        {
            context.Terminal.Warning(
                $"{statement}: a data statement in the declared schema; schema files are compared by structure (tables, columns, "
                + "indexes, …), so diff, generate and push leave rows out. Put data in a migration (strata new <slug>; "
                + "-- strata:env development for demo data)");
        }

        return files;
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
