using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>
/// Writes the TypeScript file: helper types, enums as string unions, domains as aliases, one interface per table or
/// view (defaulted columns <c>Generated&lt;T&gt;</c>, identity ALWAYS and generated columns <c>GeneratedAlways&lt;T&gt;</c>),
/// and the Kysely <c>DB</c> interface keyed by table name (<c>schema.name</c> outside <c>public</c>).
/// </summary>
internal static class TypeScriptWriter
{
    public static GeneratedFile Write(CodegenModel model, TypeScriptOptions options, TypeNames names, ColumnTypes types, string header)
    {
        var helpers = new SortedSet<string>(StringComparer.Ordinal);
        var body = new CodeWriter();
        foreach (var type in model.Types.Where(t => t.Kind is UserTypeKind.Enum or UserTypeKind.Domain))
        {
            var about = $"{(type.Kind == UserTypeKind.Enum ? "Enum" : "Domain")} {type.Name}{(type.Kind == UserTypeKind.Domain ? " over " + type.BaseType : "")}.";
            body.JsDoc(type.Comment is null ? about : type.Comment + "\n" + about);
            var text = type.Kind == UserTypeKind.Enum
                ? (type.Labels.Count == 0 ? "never" : string.Join(" | ", type.Labels.Select(Literals.TypeScriptString)))
                : Use(types.DomainTypeScript(type), helpers);
            body.Line($"export type {names[type.Name]} = {text};").Line();
        }

        var keys = new List<(string Key, string Interface)>();
        foreach (var relation in model.Relations)
        {
            var name = names[relation.Name];
            var about = $"{(relation.Kind == RelationKind.Table ? "Table" : relation.Kind == RelationKind.View ? "View" : "Materialized view")} {relation.Name}.";
            body.JsDoc(relation.Comment is null ? about : relation.Comment + "\n" + about);
            body.Line($"export interface {name} {{");
            foreach (var column in relation.Columns)
            {
                if (column.Comment is { } comment)
                {
                    body.JsDoc(comment, "  ");
                }

                var type = Use(types.TypeScript(relation.Name, column), helpers);
                type = types.Nullable(relation.Name, column) ? type + " | null" : type;
                type = column.GeneratedAlways ? Wrap("GeneratedAlways", type, helpers) : column.HasDefault ? Wrap("Generated", type, helpers) : type;
                var key = options.Naming == NamingStyle.Idiomatic ? Identifiers.Camel(column.Name) : column.Name;
                body.Line($"  {Identifiers.TypeScriptKey(key)}: {type};");
            }

            body.Line("}").Line();
            var table = relation.Name.Schema is null or "public" ? relation.Name.Name : relation.Name.ToString();
            keys.Add((options.Naming == NamingStyle.Idiomatic ? Identifiers.Camel(table) : table, name));
        }

        body.Line("export interface DB {");
        foreach (var (key, name) in keys.OrderBy(k => k.Key, StringComparer.Ordinal))
        {
            body.Line($"  {Identifiers.TypeScriptKey(key)}: {name};");
        }

        body.Line("}");
        return new GeneratedFile(options.Output, Preamble(header, helpers, options) + body);
    }

    private static string Preamble(string header, SortedSet<string> helpers, TypeScriptOptions options)
    {
        var w = new CodeWriter();
        foreach (var line in header.Split('\n'))
        {
            w.Line(("// " + line).TrimEnd());
        }

        w.Line();
        if (helpers.Any(TypeScriptHelpers.NeedsColumnType))
        {
            w.Line("import type { ColumnType } from \"kysely\";");
        }

        foreach (var (type, from) in options.Imports.OrderBy(i => i.Key, StringComparer.Ordinal))
        {
            w.Line($"import type {{ {type} }} from {Literals.TypeScriptString(from)};");
        }

        w.Line();
        foreach (var (name, declaration) in TypeScriptHelpers.All.Where(h => helpers.Contains(h.Name)))
        {
            foreach (var line in declaration.Split('\n'))
            {
                w.Line(line);
            }

            w.Line();
        }

        return w.ToString();
    }

    private static string Use(TsType type, SortedSet<string> helpers)
    {
        helpers.UnionWith(type.Helpers);
        return type.Text;
    }

    private static string Wrap(string wrapper, string type, SortedSet<string> helpers)
    {
        helpers.Add(wrapper);
        return $"{wrapper}<{type}>";
    }
}
