using System.Globalization;
using Strata.Schema;

namespace Strata.PostgreSql;

/// <summary>Reading the values of a catalog row.</summary>
internal static class Row
{
    public static string S(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    public static string? N(object? value) => value is null ? null : S(value);

    public static bool B(object? value) => value is true;

    public static QualifiedName Name(object? schema, object? name) => new(N(schema), S(name));

    /// <summary>An array of <c>schema␟name</c> as sorted names.</summary>
    public static QualifiedName[] Names(object? value) =>
        value is string[] names ? [.. names.Select(n => n.Split(CatalogSql.Separator)).Select(p => new QualifiedName(p[0], p[1])).Distinct().Order()] : [];

    /// <summary>A text array, or empty.</summary>
    public static string[] Texts(object? value) => value as string[] ?? [];
}
