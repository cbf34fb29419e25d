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

            return new SchemaFiles([.. files.Select(f => (f, Output.RunRenderer.Relative(context, f), File.ReadAllText(f)))]);
        }

        if (!File.Exists(path))
        {
            throw new StrataException(
                ErrorCategory.BadInput,
                $"no desired schema: {display} does not exist",
                "write the schema as plain SQL DDL in schema.sql (or set \"schema\" in strata.json to a file or folder), or run `strata pull` to create it from the database");
        }

        return new SchemaFiles([(path, display, File.ReadAllText(path))]);
    }
}
