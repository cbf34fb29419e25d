using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>A foreign key: its name, its columns, the table it references and the referenced columns.</summary>
internal sealed record ForeignKeyModel(string Name, IReadOnlyList<string> Columns, QualifiedName Target, IReadOnlyList<string> TargetColumns);
