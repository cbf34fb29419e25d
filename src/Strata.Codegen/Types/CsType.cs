namespace Strata.Codegen;

/// <summary>
/// A C# type in generated code: a keyword (<c>int</c>), a framework or Npgsql type with its namespace (rendered short,
/// with a using, unless a generated type takes its name), a generated type (no namespace), or an override's text as
/// given. Arrays have an <see cref="Element"/>; generic types have <see cref="Arguments"/>.
/// </summary>
internal sealed record CsType(string? Namespace, string Name)
{
    public IReadOnlyList<CsType> Arguments { get; init; } = [];

    /// <summary>The element type of an array type, or null.</summary>
    public CsType? Element { get; init; }

    /// <summary>Marked nullable where it appears (an element or type argument).</summary>
    public bool Nullable { get; init; }

    /// <summary>True for an override's type text, used verbatim.</summary>
    public bool Verbatim { get; init; }

    public static CsType Keyword(string name) => new(null, name);

    public static CsType Framework(string ns, string name) => new(ns, name);

    public static CsType ArrayOf(CsType element) => new(null, "[]") { Element = element };

    public static CsType Generic(string ns, string name, params CsType[] arguments) => new(ns, name) { Arguments = arguments };

    /// <summary>The type as written in a file: namespaces it needs are added to <paramref name="usings"/>, or qualified with <c>global::</c> when <paramref name="taken"/> holds the short name.</summary>
    public string Render(ISet<string> usings, IReadOnlySet<string> taken)
    {
        string text;
        if (Element is not null)
        {
            text = Element.Render(usings, taken) + "[]";
        }
        else
        {
            text = Name;
            if (Namespace is not null)
            {
                if (taken.Contains(Name))
                {
                    text = "global::" + Namespace + "." + Name;
                }
                else
                {
                    usings.Add(Namespace);
                }
            }

            if (Arguments.Count > 0)
            {
                text += "<" + string.Join(", ", Arguments.Select(a => a.Render(usings, taken))) + ">";
            }
        }

        return Nullable ? text + "?" : text;
    }

    /// <summary>Every namespace the type uses (for the set of short names to keep free).</summary>
    public IEnumerable<CsType> Parts() =>
        Element is not null ? Element.Parts() : [this, .. Arguments.SelectMany(a => a.Parts())];
}
