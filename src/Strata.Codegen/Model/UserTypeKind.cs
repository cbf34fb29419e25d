namespace Strata.Codegen.Model;

/// <summary>The kinds of user-defined types code generation knows.</summary>
internal enum UserTypeKind
{
    Enum,
    Domain,
    Composite,
    Range,
}
