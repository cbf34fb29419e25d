using Strata.Errors;
using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>
/// Builds the <see cref="CodegenModel"/> from a schema state: tables, views and materialized views that the include
/// and exclude patterns keep, with their keys, and the enums, domains, composite and range types they need (or that
/// the patterns name).
/// </summary>
internal static class ModelBuilder
{
    public static CodegenModel Build(DatabaseSchema schema, CodegenOptions options)
    {
        CheckIncludes(schema, options);
        var relations = new List<RelationModel>();
        foreach (var table in schema.Tables.Where(t => Keeps(options, t.Name)))
        {
            relations.Add(Table(table, schema.Objects.Where(o => o.Table == table.Name), options.Dialect));
        }

        foreach (var view in schema.Objects.Where(o => o.Table is null && o.Kind is ObjectKind.View or ObjectKind.MaterializedView && Keeps(options, o.Name)))
        {
            var kind = view.Kind == ObjectKind.View ? RelationKind.View : RelationKind.MaterializedView;
            relations.Add(new RelationModel(view.Name, kind, [.. view.Columns.Select(c => new ColumnModel(c.Name, c.Type, !c.NotNull) { Comment = c.Comment })])
            {
                Comment = view.Comment,
            });
        }

        var allTypes = schema.Objects.Where(o => o.Table is null).SelectMany(UserTypes).ToList();
        var everything = new CodegenModel(options.Dialect, [], allTypes);
        var used = new HashSet<QualifiedName>();
        foreach (var column in relations.SelectMany(r => r.Columns))
        {
            Use(everything, column.DbType, used);
        }

        var types = allTypes.Where(t => used.Contains(t.Name) || (options.Include.Count > 0 && Keeps(options, t.Name)) || (options.Include.Count == 0 && !Excluded(options, t.Name)));
        var kept = types.ToList();
        foreach (var type in kept.ToList())
        {
            Use(everything, type.BaseType, used);
            type.Attributes.ToList().ForEach(a => Use(everything, a.DbType, used));
        }

        kept.AddRange(allTypes.Where(t => used.Contains(t.Name) && !kept.Contains(t)));
        return new CodegenModel(options.Dialect, relations, kept.Distinct());
    }

    /// <summary>
    /// Throws when an include pattern matches no table, view or type of a schema that has some: the pattern is almost
    /// always a typo, and generating nothing would delete every generated file.
    /// </summary>
    private static void CheckIncludes(DatabaseSchema schema, CodegenOptions options)
    {
        var names = schema.Tables.Select(t => t.Name)
            .Concat(schema.Objects.Where(o => o.Table is null && o.Kind is ObjectKind.View or ObjectKind.MaterializedView or ObjectKind.Enum or ObjectKind.Domain or ObjectKind.CompositeType).Select(o => o.Name))
            .ToList();
        if (names.Count == 0)
        {
            return;
        }

        foreach (var pattern in options.Include.Where(p => !names.Any(n => Glob.Matches(p, n))))
        {
            throw new ConfigurationException(
                $"codegen: \"include\" pattern \"{pattern}\" matches no table, view or type of the schema",
                "patterns are globs on the name, or on schema.name when they contain a dot (e.g. \"orders\", \"app.*\", \"*_log\"); names are case-sensitive, as the database spells them");
        }
    }

    private static RelationModel Table(TableDefinition table, IEnumerable<SchemaObject> owned, Dialect dialect)
    {
        var objects = owned.ToList();
        var primaryKey = objects.FirstOrDefault(o => o.Kind == ObjectKind.PrimaryKey) is { } pk ? DefinitionText.ColumnsAfter(pk.Definition, "PRIMARY KEY") : [];
        var rowid = dialect == Dialect.Sqlite && primaryKey.Count == 1
            && table.Column(primaryKey[0]) is { } key && key.Type.Equals("INTEGER", StringComparison.OrdinalIgnoreCase)
            && (table.Options ?? "").IndexOf("WITHOUT ROWID", StringComparison.OrdinalIgnoreCase) < 0;
        var columns = table.Columns.Select(c => new ColumnModel(c.Name, c.Type, !c.NotNull && !(rowid && c.Name == primaryKey[0]))
        {
            HasDefault = c.Default is not null || c.Identity == "BY DEFAULT" || (rowid && c.Name == primaryKey[0]),
            GeneratedAlways = c.Generated is not null || c.Identity == "ALWAYS",
            Comment = c.Comment,
        });
        return new RelationModel(table.Name, RelationKind.Table, [.. columns])
        {
            Comment = table.Comment,
            PrimaryKey = primaryKey,
            UniqueKeys = [.. objects.Where(o => o.Kind == ObjectKind.Unique).OrderBy(o => o.Name).Select(o => DefinitionText.ColumnsAfter(o.Definition, "UNIQUE"))],
            ForeignKeys = [.. objects.Where(o => o.Kind == ObjectKind.ForeignKey && o.DependsOn.Count > 0).OrderBy(o => o.Name).Select(o => new ForeignKeyModel(
                o.Name.Name, DefinitionText.ColumnsAfter(o.Definition, "FOREIGN KEY"), o.DependsOn[0], DefinitionText.ReferencedColumns(o.Definition)))],
        };
    }

    /// <summary>The user type of <paramref name="item"/>; a range type gives two, the range and its multirange.</summary>
    private static IEnumerable<UserTypeModel> UserTypes(SchemaObject item)
    {
        if (item.Kind != ObjectKind.RangeType)
        {
            return UserType(item) is { } type ? [type] : [];
        }

        var (subtype, multirange) = DefinitionText.RangeParts(item.Name, item.Definition);
        return
        [
            new UserTypeModel(item.Name, UserTypeKind.Range) { BaseType = subtype, Comment = item.Comment },
            new UserTypeModel(multirange, UserTypeKind.Range) { BaseType = subtype, Multirange = true },
        ];
    }

    private static UserTypeModel? UserType(SchemaObject item) => item.Kind switch
    {
        ObjectKind.Enum => new UserTypeModel(item.Name, UserTypeKind.Enum) { Labels = DefinitionText.Literals(item.Definition), Comment = item.Comment },
        ObjectKind.Domain => new UserTypeModel(item.Name, UserTypeKind.Domain)
        {
            BaseType = DefinitionText.DomainBase(item.Definition),
            NotNull = item.Definition.Contains(" NOT NULL", StringComparison.Ordinal),
            Comment = item.Comment,
        },
        ObjectKind.CompositeType => new UserTypeModel(item.Name, UserTypeKind.Composite)
        {
            Attributes = [.. item.Columns.Select(c => new ColumnModel(c.Name, c.Type, true) { Comment = c.Comment })],
            Comment = item.Comment,
        },
        _ => null,
    };

    /// <summary>Marks the user type <paramref name="dbType"/> names (through arrays, domains and composites) as used.</summary>
    private static void Use(CodegenModel model, string? dbType, HashSet<QualifiedName> used)
    {
        if (dbType is null || model.Dialect != Dialect.PostgreSql)
        {
            return;
        }

        var name = PgTypeName.Parse(dbType);
        if (model.FindType(name.Qualified) is { } type && used.Add(type.Name))
        {
            Use(model, type.BaseType, used);
            foreach (var attribute in type.Attributes)
            {
                Use(model, attribute.DbType, used);
            }
        }
    }

    private static bool Keeps(CodegenOptions options, QualifiedName name) =>
        (options.Include.Count == 0 || options.Include.Any(p => Glob.Matches(p, name))) && !Excluded(options, name);

    private static bool Excluded(CodegenOptions options, QualifiedName name) => options.Exclude.Any(p => Glob.Matches(p, name));
}
