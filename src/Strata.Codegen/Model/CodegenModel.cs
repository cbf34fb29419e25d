using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>What code generation works from: the included relations and the user types, each sorted by name.</summary>
internal sealed class CodegenModel
{
    private readonly Dictionary<QualifiedName, UserTypeModel> _types;

    public CodegenModel(Dialect dialect, IEnumerable<RelationModel> relations, IEnumerable<UserTypeModel> types)
    {
        Dialect = dialect;
        Relations = [.. relations.OrderBy(r => r.Name)];
        Types = [.. types.OrderBy(t => t.Name)];
        _types = Types.ToDictionary(t => t.Name);
    }

    public Dialect Dialect { get; }

    public IReadOnlyList<RelationModel> Relations { get; }

    public IReadOnlyList<UserTypeModel> Types { get; }

    /// <summary>
    /// The user type a printed type name refers to: <c>schema.name</c> exactly, or a bare name in <c>public</c> first,
    /// then in the one schema that has it (PostgreSQL prints types on the search path without their schema).
    /// </summary>
    public UserTypeModel? FindType(QualifiedName name)
    {
        if (name.Schema is not null)
        {
            return _types.GetValueOrDefault(name);
        }

        if (_types.TryGetValue(new QualifiedName("public", name.Name), out var found) || _types.TryGetValue(name, out found))
        {
            return found;
        }

        var candidates = Types.Where(t => t.Name.Name == name.Name).Take(2).ToList();
        return candidates.Count == 1 ? candidates[0] : null;
    }
}
