namespace Strata.Codegen;

/// <summary>A TypeScript type expression in the generated file and the helper types (<c>Int8</c>, <c>ArrayType</c>, …) it needs.</summary>
internal sealed record TsType(string Text, IReadOnlyList<string> Helpers)
{
    public static TsType Plain(string text) => new(text, []);

    public static TsType Helper(string name) => new(name, [name]);

    public TsType ArrayOf() => Helpers.Count == 0 && !Text.Contains(' ', StringComparison.Ordinal)
        ? new TsType(Text + "[]", [])
        : new TsType("ArrayType<" + Text + ">", [.. Helpers, "ArrayType", "ArrayTypeImpl"]);
}
