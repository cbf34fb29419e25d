namespace Strata.PostgreSql;

/// <summary>
/// The definition text of a grant or default privileges: the grantee's privileges (<c>SELECT, UPDATE*</c>, a
/// <c>*</c> marks WITH GRANT OPTION; <c>none</c>), followed by <c> instead of …</c> with the default ones the grantee
/// holds otherwise (the owner, or PUBLIC on functions and types), which a REVOKE must take away first.
/// </summary>
internal static class Privileges
{
    private const string Instead = " instead of ";

    public static string Definition(string? actual, string? baseline) => (actual ?? "none") + (baseline is null ? "" : Instead + baseline);

    /// <summary>The privileges held, and the default ones replaced (empty when none).</summary>
    public static (IReadOnlyList<string> Actual, IReadOnlyList<string> Baseline) Parse(string definition)
    {
        var split = definition.IndexOf(Instead, StringComparison.Ordinal);
        var actual = split < 0 ? definition : definition[..split];
        var baseline = split < 0 ? "" : definition[(split + Instead.Length)..];
        return (List(actual), List(baseline));
    }

    private static string[] List(string text) => text is "" or "none" ? [] : text.Split(", ");
}
