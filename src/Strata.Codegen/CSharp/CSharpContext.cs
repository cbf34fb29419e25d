using Strata.Codegen.Model;

namespace Strata.Codegen;

/// <summary>What the C# writers share for one run: the options, names, column types and the names framework types must not shorten to.</summary>
internal sealed class CSharpContext(CodegenModel model, CSharpOptions options, TypeNames names, ColumnTypes types)
{
    public CodegenModel Model { get; } = model;

    public CSharpOptions Options { get; } = options;

    public TypeNames Names { get; } = names;

    public ColumnTypes Types { get; } = types;

    /// <summary>Generated type names: a framework type with one of these short names is written with <c>global::</c>.</summary>
    public IReadOnlySet<string> Taken { get; } = names.All(relationsAsCSharp: true);

    /// <summary>Property names of <paramref name="columns"/> in order: PascalCase or verbatim, made unique and kept off <paramref name="reserved"/>.</summary>
    public IReadOnlyList<string> PropertyNames(IEnumerable<ColumnModel> columns, params string[] reserved)
    {
        var used = new HashSet<string>(reserved.Concat(["Read", "Values", "Equals", "GetHashCode", "ToString", "GetType", "EqualityContract", "PrintMembers", "Deconstruct", "MemberwiseClone", "Finalize"]), StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var column in columns)
        {
            var name = Options.Naming == NamingStyle.Idiomatic ? Identifiers.Pascal(column.Name) : Identifiers.CSharpVerbatim(column.Name);
            var candidate = name;
            for (var i = 2; !used.Add(candidate.TrimStart('@')); i++)
            {
                candidate = name.TrimStart('@') + "_" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            result.Add(candidate);
        }

        return result;
    }
}
