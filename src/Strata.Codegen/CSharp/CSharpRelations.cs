using System.Globalization;
using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>
/// Writes the C# of one table or view: a row record with a <c>Read(DbDataReader)</c>, for tables an insert record
/// (identity, generated and defaulted columns optional or absent), and a static class with the names, keys and
/// foreign keys.
/// </summary>
internal static class CSharpRelations
{
    public static void Write(CodeWriter w, RelationModel relation, CSharpContext ctx, ISet<string> usings)
    {
        var name = ctx.Names[relation.Name];
        var properties = ctx.PropertyNames(relation.Columns, name + "Row", name + "Insert");
        var kind = Kind(relation.Kind);
        WriteRow(w, relation, ctx, usings, (name, kind, properties));
        if (relation.Kind == RelationKind.Table)
        {
            w.Line();
            WriteInsert(w, relation, ctx, usings, (name, properties));
        }

        w.Line();
        WriteNames(w, relation, ctx, usings, (name, kind));
    }

    private static void WriteRow(CodeWriter w, RelationModel relation, CSharpContext ctx, ISet<string> usings, (string Name, string Kind, IReadOnlyList<string> Properties) it)
    {
        w.Summary(Describe($"A row of {it.Kind} <c>{Literals.Xml(relation.Name.ToString())}</c>.", relation.Comment));
        w.Open($"public sealed partial record {it.Name}Row");
        var reads = new List<string>();
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            var column = relation.Columns[i];
            var nullable = ctx.Types.Nullable(relation.Name, column);
            var type = ctx.Types.CSharp(relation.Name, column).Render(usings, ctx.Taken);
            w.Summary(ColumnDoc(column));
            w.Line($"public {(nullable ? "" : "required ")}{type}{(nullable ? "?" : "")} {it.Properties[i]} {{ get; init; }}");
            w.Line();
            var ordinal = "o" + i.ToString(CultureInfo.InvariantCulture);
            reads.Add(nullable
                ? $"{it.Properties[i]} = reader.IsDBNull({ordinal}) ? null : reader.GetFieldValue<{type}>({ordinal}),"
                : $"{it.Properties[i]} = reader.GetFieldValue<{type}>({ordinal}),");
        }

        usings.Add("System.Data.Common");
        w.Summary("Reads the current row of <paramref name=\"reader\"/>, finding each column by name (extra columns are ignored).");
        w.Line("/// <param name=\"reader\">A reader positioned on a row that has every column of this record.</param>");
        w.Open($"public static {it.Name}Row Read(DbDataReader reader)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(reader);");
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            w.Line($"var o{i.ToString(CultureInfo.InvariantCulture)} = reader.GetOrdinal({Literals.CSharpString(relation.Columns[i].Name)});");
        }

        w.Open($"return new {it.Name}Row");
        reads.ForEach(r => w.Line(r));
        w.Close(";");
        w.Close();
        w.Close();
    }

    private static void WriteInsert(CodeWriter w, RelationModel relation, CSharpContext ctx, ISet<string> usings, (string Name, IReadOnlyList<string> Properties) it)
    {
        w.Summary($"The values of a new row of table <c>{Literals.Xml(relation.Name.ToString())}</c>: required properties have no default in the\n"
            + "database; optional ones left null take the column's default (identity and generated columns are not here).");
        w.Open($"public sealed partial record {it.Name}Insert");
        var values = new List<string>();
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            var column = relation.Columns[i];
            if (column.GeneratedAlways)
            {
                continue;
            }

            var nullable = ctx.Types.Nullable(relation.Name, column);
            var type = ctx.Types.CSharp(relation.Name, column).Render(usings, ctx.Taken);
            var required = !nullable && !column.HasDefault;
            w.Summary(ColumnDoc(column) + (column.HasDefault ? "\nOptional: null takes the column's default." : ""));
            w.Line($"public {(required ? "required " : "")}{type}{(required ? "" : "?")} {it.Properties[i]} {{ get; init; }}");
            w.Line();
            var pair = $"new({Literals.CSharpString(column.Name)}, {it.Properties[i]})";
            values.Add(column.HasDefault ? $"if ({it.Properties[i]} is not null) values.Add({pair});" : $"values.Add({pair});");
        }

        usings.Add("System.Collections.Generic");
        w.Summary("The columns this insert sets, with their values, in column order: every column without a default, and\n"
            + "the defaulted ones that are set. For building an INSERT with any driver.");
        w.Open("public IReadOnlyList<KeyValuePair<string, object?>> Values()");
        w.Line($"var values = new List<KeyValuePair<string, object?>>({values.Count.ToString(CultureInfo.InvariantCulture)});");
        values.ForEach(v => w.Line(v));
        w.Line("return values;");
        w.Close();
        w.Close();
    }

    private static void WriteNames(CodeWriter w, RelationModel relation, CSharpContext ctx, ISet<string> usings, (string Name, string Kind) it)
    {
        var sql = relation.Name.Schema is null ? Quote(relation.Name.Name) : Quote(relation.Name.Schema) + "." + Quote(relation.Name.Name);
        w.Summary($"Names and keys of {it.Kind} <c>{Literals.Xml(relation.Name.ToString())}</c>.");
        w.Open($"public static partial class {it.Name}");
        w.Summary("The name to write in SQL, quoted.");
        w.Line($"public const string Sql = {Literals.CSharpString(sql)};");
        if (relation.Name.Schema is { } schema)
        {
            w.Line().Summary("The schema.");
            w.Line($"public const string Schema = {Literals.CSharpString(schema)};");
        }

        w.Line().Summary($"The {it.Kind}'s own name.");
        w.Line($"public const string Name = {Literals.CSharpString(relation.Name.Name)};");
        w.Line().Summary("The column names, as in the database.");
        w.Open("public static class Columns");
        var names = ctx.PropertyNames(relation.Columns, "Columns");
        for (var i = 0; i < relation.Columns.Count; i++)
        {
            w.Summary($"Column <c>{Literals.Xml(relation.Columns[i].Name)}</c>.");
            w.Line($"public const string {names[i]} = {Literals.CSharpString(relation.Columns[i].Name)};");
            if (i < relation.Columns.Count - 1)
            {
                w.Line();
            }
        }

        w.Close();
        if (relation.Kind == RelationKind.Table)
        {
            usings.Add("System.Collections.Generic");
            w.Line().Summary("The primary key's columns, in key order (empty: no primary key).");
            w.Line($"public static readonly IReadOnlyList<string> PrimaryKey = {List(relation.PrimaryKey)};");
            w.Line().Summary("The unique constraints' columns.");
            w.Line($"public static readonly IReadOnlyList<IReadOnlyList<string>> UniqueKeys = [{string.Join(", ", relation.UniqueKeys.Select(List))}];");
            w.Line().Summary("The foreign keys.");
            var keys = relation.ForeignKeys.Select(k => $"new({Literals.CSharpString(k.Name)}, {List(k.Columns)}, {Literals.CSharpString(k.Target.ToString())}, {List(k.TargetColumns)})");
            w.Line($"public static readonly IReadOnlyList<DbForeignKey> ForeignKeys = [{string.Join(", ", keys)}];");
        }

        w.Close();
    }

    private static string ColumnDoc(ColumnModel column)
    {
        var about = $"Column <c>{Literals.Xml(column.Name)}</c> ({(column.DbType.Length == 0 ? "no declared type" : Literals.Xml(column.DbType))}{(column.GeneratedAlways ? ", generated" : "")}).";
        return column.Comment is { } comment ? Literals.Xml(comment) + "\n" + about : about;
    }

    private static string Describe(string about, string? comment) => comment is null ? about : Literals.Xml(comment) + "\n" + about;

    private static string Kind(RelationKind kind) => kind switch
    {
        RelationKind.Table => "table",
        RelationKind.View => "view",
        _ => "materialized view",
    };

    private static string List(IReadOnlyList<string> items) => "[" + string.Join(", ", items.Select(Literals.CSharpString)) + "]";

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
