using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>
/// Writes <c>DatabaseMapping.g.cs</c>: the <c>DbForeignKey</c> descriptor and, for PostgreSQL, the
/// <c>MapDatabaseTypes</c> extension that registers the enums, composite types and typed JSON columns on an
/// <c>NpgsqlDataSourceBuilder</c>.
/// </summary>
internal static class CSharpSupport
{
    public static void Write(CodeWriter w, CSharpContext ctx, ISet<string> usings)
    {
        w.Summary("A foreign key of a generated table: its name, its columns, and the table and columns it references.");
        w.Line("/// <param name=\"Name\">The constraint name.</param>");
        w.Line("/// <param name=\"Columns\">The referencing columns, in key order.</param>");
        w.Line("/// <param name=\"ReferencedTable\">The referenced table, <c>schema.name</c> (SQLite: <c>name</c>).</param>");
        w.Line("/// <param name=\"ReferencedColumns\">The referenced columns (empty when the key names none: then the primary key).</param>");
        w.Line("public sealed record DbForeignKey(string Name, IReadOnlyList<string> Columns, string ReferencedTable, IReadOnlyList<string> ReferencedColumns);");
        usings.Add("System.Collections.Generic");
        if (ctx.Model.Dialect != Dialect.PostgreSql)
        {
            return;
        }

        usings.Add("Npgsql");
        var json = ctx.Model.Relations.Any(r => r.Columns.Any(c => ctx.Types.IsTypedJson(r.Name, c)));
        w.Line();
        w.Summary("Registers the database's types with Npgsql.");
        w.Open("public static partial class DatabaseMapping");
        w.Summary("Maps every generated enum and composite type to its PostgreSQL type"
            + (json ? ", and turns on JSON (de)serialisation of the\nclasses of typed JSON columns" : "")
            + (ctx.Model.Types.Any(t => t.Kind == UserTypeKind.Range) ? ", and lets Npgsql handle the range types defined\nin the database" : "")
            + ". Call it on the builder before <c>Build()</c>.");
        w.Line("/// <param name=\"builder\">The builder of the data source the application uses.</param>");
        w.Line("/// <returns>The same builder.</returns>");
        w.Open("public static NpgsqlDataSourceBuilder MapDatabaseTypes(this NpgsqlDataSourceBuilder builder)");
        w.Line("global::System.ArgumentNullException.ThrowIfNull(builder);");
        foreach (var type in ctx.Model.Types.Where(t => t.Kind is UserTypeKind.Enum or UserTypeKind.Composite))
        {
            var method = type.Kind == UserTypeKind.Enum ? "MapEnum" : "MapComposite";
            w.Line($"builder.{method}<{ctx.Names[type.Name]}>({Literals.CSharpString(type.Name.ToString())});");
        }

        if (json)
        {
            w.Line("builder.EnableDynamicJson();");
        }

        if (ctx.Model.Types.Any(t => t.Kind == UserTypeKind.Range))
        {
            w.Line("builder.EnableUnmappedTypes(); // reads and writes the range types defined in the database as NpgsqlRange<T>");
        }

        w.Line("return builder;");
        w.Close();
        w.Close();
    }
}
