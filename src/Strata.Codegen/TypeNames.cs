using Strata.Codegen.Model;
using Strata.Errors;
using Strata.Schema;

namespace Strata.Codegen;

/// <summary>
/// The base name of every generated type: PascalCase of the object's name, with the schema in front outside
/// <c>public</c> (<c>app.orders</c> → <c>AppOrders</c>), or the name <see cref="CodegenOptions.Names"/> gives it.
/// Two objects that would share a name are bad input naming both and the fix.
/// </summary>
internal sealed class TypeNames
{
    /// <summary>Names the generated C# support code uses.</summary>
    public static readonly IReadOnlyList<string> CSharpReserved = ["DatabaseMapping", "DbForeignKey", "DapperTypes"];

    /// <summary>Names of the TypeScript helper types.</summary>
    public static readonly IReadOnlyList<string> TypeScriptReserved =
        ["DB", "ColumnType", "Generated", "GeneratedAlways", "Int8", "Numeric", "Timestamp", "Interval", "PostgresInterval", "Json", "JsonValue", "JsonArray", "JsonObject", "JsonPrimitive", "ArrayType", "ArrayTypeImpl", "Point", "Circle"];

    private readonly Dictionary<QualifiedName, string> _names = [];

    public TypeNames(CodegenModel model, CodegenOptions options)
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var reserved in (options.CSharp is null ? [] : CSharpReserved).Concat(options.TypeScript is null ? [] : TypeScriptReserved))
        {
            owners[reserved] = "Strata's generated support code";
        }

        var objects = model.Relations.Select(r => (r.Name, Kind: Label(r.Kind), Relation: true))
            .Concat(model.Types.Where(t => t.Kind != UserTypeKind.Range).Select(t => (t.Name, Kind: t.Kind.ToString().ToLowerInvariant() + " type", Relation: false)));
        foreach (var (name, kind, relation) in objects)
        {
            var renamed = options.Names.TryGetValue(name.ToString(), out var given) || options.Names.TryGetValue(name.Name, out given);
            var baseName = renamed ? given! : Default(name);
            var label = $"{kind} {name}";
            var generated = relation && options.CSharp is not null
                ? new[] { baseName, baseName + "Row", baseName + "Insert" }
                : [baseName];
            foreach (var candidate in generated)
            {
                if (owners.TryGetValue(candidate, out var owner))
                {
                    throw new ConfigurationException(
                        $"codegen: {label} and {owner} would both generate the type name {candidate}",
                        $"give one of them another name in strata.json: \"codegen\": {{ \"names\": {{ \"{name}\": \"{baseName}Table\" }} }}");
                }

                owners[candidate] = label;
            }

            _names[name] = baseName;
        }
    }

    /// <summary>The base name of a relation or user type of the model.</summary>
    public string this[QualifiedName name] => _names[name];

    /// <summary>Every generated type name (for qualifying framework types that share one).</summary>
    public IReadOnlySet<string> All(bool relationsAsCSharp) =>
        _names.Values.SelectMany(n => relationsAsCSharp ? new[] { n, n + "Row", n + "Insert" } : [n]).Concat(CSharpReserved).ToHashSet(StringComparer.Ordinal);

    private static string Label(RelationKind kind) => kind switch
    {
        RelationKind.MaterializedView => "materialized view",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string Default(QualifiedName name) =>
        name.Schema is null or "public" ? Identifiers.Pascal(name.Name) : Identifiers.Pascal(name.Schema) + Identifiers.Pascal(name.Name);
}
