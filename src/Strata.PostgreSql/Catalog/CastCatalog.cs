using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>
/// User-defined casts (<c>CREATE CAST</c>): those made after initdb (oid from <c>FirstNormalObjectId</c>, 16384, on),
/// not brought by an extension and not made by PostgreSQL along with another object (a range type's multirange casts),
/// the same ones pg_dump writes. Types are written by <c>format_type</c> and the function as <c>schema.name(argument
/// types)</c>, as the other kinds write them.
/// </summary>
internal static class CastCatalog
{
    public static IEnumerable<CatalogQuery> Queries()
    {
        yield return new CatalogQuery(Casts, ReadCasts);
    }

    private static readonly string Casts = $"""
        SELECT format_type(k.castsource, NULL), format_type(k.casttarget, NULL), k.castmethod::text, k.castcontext::text,
               CASE WHEN k.castfunc <> 0 THEN {ProcName("k.castfunc")} || '(' || (SELECT oidvectortypes(cf.proargtypes) FROM pg_proc cf WHERE cf.oid = k.castfunc) || ')' END,
               {Comment("k.oid", "pg_cast")}, {Dependencies("pg_cast", "k.oid")}
        FROM pg_cast k
        WHERE k.oid >= 16384 AND {NotExtension("pg_cast", "k.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_depend ki WHERE ki.classid = 'pg_cast'::regclass AND ki.objid = k.oid AND ki.deptype = 'i')
        """;

    private static void ReadCasts(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = $"({S(r[0])} AS {S(r[1])})";
            builder.Objects.Add(new SchemaObject(ObjectKind.Cast, new QualifiedName(null, name), Definition(name, S(r[2]), S(r[3]), N(r[4])))
            {
                Comment = N(r[5]),
                DependsOn = Names(r[6]),
            });
        }
    }

    /// <summary>
    /// The <c>CREATE CAST</c> statement as pg_dump writes it: <c>WITH FUNCTION</c> (method <c>f</c>), <c>WITH INOUT</c>
    /// (<c>i</c>) or <c>WITHOUT FUNCTION</c> (<c>b</c>, binary coercible), then <c>AS ASSIGNMENT</c> (context <c>a</c>),
    /// <c>AS IMPLICIT</c> (<c>i</c>) or nothing (explicit only, <c>e</c>).
    /// </summary>
    internal static string Definition(string name, string method, string context, string? function)
    {
        var how = method switch
        {
            "i" => "WITH INOUT",
            "b" => "WITHOUT FUNCTION",
            _ => "WITH FUNCTION " + function,
        };
        var when = context switch
        {
            "a" => " AS ASSIGNMENT",
            "i" => " AS IMPLICIT",
            _ => "",
        };
        return $"CREATE CAST {name} {how}{when}";
    }
}
