namespace Strata.Schema;

/// <summary>
/// An object the database holds that the schema engine cannot model (e.g. a cast, a foreign table, a text search
/// configuration): the introspector lists it so that <c>pull</c>, <c>diff</c> and <c>generate</c> say
/// "not managed: <see cref="Kind"/> <see cref="Name"/>" instead of leaving it out silently. It is never created,
/// dropped or compared.
/// </summary>
/// <param name="Kind">What it is, in lower-case words as the engine's DDL names it, e.g. <c>cast</c>, <c>foreign table</c>.</param>
/// <param name="Name">Its name, e.g. <c>public.remote_users</c>, or a cast's <c>(text AS mood)</c>; the schema is null when it has none.</param>
public sealed record UnmanagedObject(string Kind, QualifiedName Name)
{
    /// <summary><c>kind name</c>, as printed after "not managed: ".</summary>
    public override string ToString() => $"{Kind} {Name}";

    /// <summary>
    /// True when <paramref name="pattern"/> (from strata.json <c>"unmanaged"</c>) accepts this object: <c>kind name</c>
    /// where <c>*</c> matches any run of characters, e.g. <c>server *</c>, <c>foreign table legacy.*</c>, <c>*</c>.
    /// </summary>
    public bool Matches(string pattern) => SchemaFilter.Glob(pattern?.Trim() ?? "", ToString());
}
