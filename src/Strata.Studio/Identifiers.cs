namespace Strata.Studio;

/// <summary>Quoting of names read from the catalog (never of names typed by the page: those are looked up first).</summary>
internal static class Identifiers
{
    public static string Quote(string name) => "\"" + name.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
