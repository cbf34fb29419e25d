using Strata.Schema;

namespace Strata.Codegen.Model;

/// <summary>An enum, domain, composite or range type defined in the database (a range type's multirange is a range kind of its own).</summary>
/// <param name="Name">The type's name.</param>
/// <param name="Kind">Which of the four it is.</param>
internal sealed record UserTypeModel(QualifiedName Name, UserTypeKind Kind)
{
    /// <summary>An enum's labels, in their order.</summary>
    public IReadOnlyList<string> Labels { get; init; } = [];

    /// <summary>A domain's base type or a range's subtype, as the engine prints it.</summary>
    public string? BaseType { get; init; }

    /// <summary>For a range kind: this is the multirange of a range type (an array of its ranges in C#).</summary>
    public bool Multirange { get; init; }

    /// <summary>A domain declared NOT NULL.</summary>
    public bool NotNull { get; init; }

    /// <summary>A composite type's attributes.</summary>
    public IReadOnlyList<ColumnModel> Attributes { get; init; } = [];

    public string? Comment { get; init; }
}
