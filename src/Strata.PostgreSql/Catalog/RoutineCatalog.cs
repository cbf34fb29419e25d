using System.Text;
using Strata.Schema;
using static Strata.PostgreSql.CatalogSql;
using static Strata.PostgreSql.Row;

namespace Strata.PostgreSql;

/// <summary>Functions and procedures, aggregates and user-defined operators.</summary>
internal static class RoutineCatalog
{
    public static IEnumerable<CatalogQuery> Queries()
    {
        yield return new CatalogQuery(Functions, ReadFunctions);
        yield return new CatalogQuery(Aggregates, ReadAggregates);
        yield return new CatalogQuery(Operators, ReadOperators);
    }

    private static readonly string Functions = $"""
        SELECT n.nspname, p.proname, p.prokind::text, pg_get_function_identity_arguments(p.oid), pg_get_functiondef(p.oid),
               {Comment("p.oid", "pg_proc")}, {Dependencies("pg_proc", "p.oid")}
        FROM pg_proc p
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE p.prokind IN ('f', 'p', 'w') AND {UserSchema} AND {NotExtension("pg_proc", "p.oid")}
          AND NOT EXISTS (SELECT 1 FROM pg_depend i WHERE i.classid = 'pg_proc'::regclass AND i.objid = p.oid AND i.deptype = 'i')
        """;

    private static readonly string Aggregates = $"""
        SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid), a.aggkind::text,
               {ProcName("a.aggtransfn")}, format_type(a.aggtranstype, NULL), a.aggtransspace, {ProcName("a.aggfinalfn")}, a.aggfinalextra,
               a.aggfinalmodify::text, {ProcName("a.aggcombinefn")}, {ProcName("a.aggserialfn")}, {ProcName("a.aggdeserialfn")}, a.agginitval,
               {ProcName("a.aggmtransfn")}, {ProcName("a.aggminvtransfn")}, CASE WHEN a.aggmtranstype <> 0 THEN format_type(a.aggmtranstype, NULL) END,
               a.aggmtransspace, {ProcName("a.aggmfinalfn")}, a.aggmfinalextra, a.aggmfinalmodify::text, a.aggminitval,
               (SELECT 'OPERATOR(' || quote_ident(sn.nspname) || '.' || so.oprname || ')' FROM pg_operator so JOIN pg_namespace sn ON sn.oid = so.oprnamespace WHERE so.oid = a.aggsortop),
               p.proparallel::text, {Comment("p.oid", "pg_proc")}, {Dependencies("pg_proc", "p.oid")}
        FROM pg_aggregate a
        JOIN pg_proc p ON p.oid = a.aggfnoid
        JOIN pg_namespace n ON n.oid = p.pronamespace
        WHERE {UserSchema} AND {NotExtension("pg_proc", "p.oid")}
        """;

    private static readonly string Operators = $"""
        SELECT n.nspname, o.oprname, CASE WHEN o.oprleft = 0 THEN 'NONE' ELSE format_type(o.oprleft, NULL) END,
               CASE WHEN o.oprright = 0 THEN 'NONE' ELSE format_type(o.oprright, NULL) END, {ProcName("o.oprcode")},
               (SELECT 'OPERATOR(' || quote_ident(cn.nspname) || '.' || co.oprname || ')' FROM pg_operator co JOIN pg_namespace cn ON cn.oid = co.oprnamespace WHERE co.oid = o.oprcom),
               (SELECT 'OPERATOR(' || quote_ident(nn.nspname) || '.' || no.oprname || ')' FROM pg_operator no JOIN pg_namespace nn ON nn.oid = no.oprnamespace WHERE no.oid = o.oprnegate),
               {ProcName("o.oprrest")}, {ProcName("o.oprjoin")}, o.oprcanhash, o.oprcanmerge,
               {Comment("o.oid", "pg_operator")}, {Dependencies("pg_operator", "o.oid")}
        FROM pg_operator o
        JOIN pg_namespace n ON n.oid = o.oprnamespace
        WHERE {UserSchema} AND {NotExtension("pg_operator", "o.oid")}
        """;

    private static void ReadFunctions(IReadOnlyList<object?[]> rows, SchemaBuilder builder) =>
        builder.Objects.AddRange(rows.Select(r => new SchemaObject(S(r[2]) == "p" ? ObjectKind.Procedure : ObjectKind.Function, Name(r[0], r[1]), S(r[4]).Trim())
        {
            Arguments = S(r[3]),
            Comment = N(r[5]),
            DependsOn = Names(r[6]),
        }));

    private static void ReadAggregates(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            var kind = S(r[3]);
            var standardModify = kind == "n" ? "r" : "w";
            var options = new List<string> { "SFUNC = " + S(r[4]), "STYPE = " + S(r[5]) };
            Add(options, "SSPACE", r[6] is int space && space != 0 ? S(space) : null);
            Add(options, "FINALFUNC", N(r[7]));
            Add(options, "FINALFUNC_EXTRA", B(r[8]) ? "" : null);
            Add(options, "FINALFUNC_MODIFY", r[7] is not null && S(r[9]) != standardModify ? Modify(S(r[9])) : null);
            Add(options, "COMBINEFUNC", N(r[10]));
            Add(options, "SERIALFUNC", N(r[11]));
            Add(options, "DESERIALFUNC", N(r[12]));
            Add(options, "INITCOND", r[13] is null ? null : SqlText.Literal(S(r[13])));
            Add(options, "MSFUNC", N(r[14]));
            Add(options, "MINVFUNC", N(r[15]));
            Add(options, "MSTYPE", N(r[16]));
            Add(options, "MSSPACE", r[17] is int mspace && mspace != 0 ? S(mspace) : null);
            Add(options, "MFINALFUNC", N(r[18]));
            Add(options, "MFINALFUNC_EXTRA", B(r[19]) ? "" : null);
            Add(options, "MFINALFUNC_MODIFY", r[18] is not null && S(r[20]) != standardModify ? Modify(S(r[20])) : null);
            Add(options, "MINITCOND", r[21] is null ? null : SqlText.Literal(S(r[21])));
            Add(options, "SORTOP", N(r[22]));
            Add(options, "PARALLEL", S(r[23]) switch { "s" => "SAFE", "r" => "RESTRICTED", _ => null });
            Add(options, "HYPOTHETICAL", kind == "h" ? "" : null);
            var arguments = S(r[2]);
            var text = new StringBuilder("CREATE AGGREGATE ").Append(SchemaNames.Quote(name)).Append('(').Append(arguments.Length == 0 ? "*" : arguments).Append(") (\n    ");
            text.Append(string.Join(",\n    ", options)).Append("\n)");
            builder.Objects.Add(new SchemaObject(ObjectKind.Aggregate, name, text.ToString())
            {
                Arguments = arguments.Length == 0 ? "*" : arguments,
                Comment = N(r[24]),
                DependsOn = Names(r[25]),
            });
        }
    }

    private static void ReadOperators(IReadOnlyList<object?[]> rows, SchemaBuilder builder)
    {
        foreach (var r in rows)
        {
            var name = Name(r[0], r[1]);
            var options = new List<string> { "FUNCTION = " + S(r[4]) };
            Add(options, "LEFTARG", S(r[2]) == "NONE" ? null : S(r[2]));
            Add(options, "RIGHTARG", S(r[3]) == "NONE" ? null : S(r[3]));
            Add(options, "COMMUTATOR", N(r[5]));
            Add(options, "NEGATOR", N(r[6]));
            Add(options, "RESTRICT", N(r[7]));
            Add(options, "JOIN", N(r[8]));
            Add(options, "HASHES", B(r[9]) ? "" : null);
            Add(options, "MERGES", B(r[10]) ? "" : null);
            builder.Objects.Add(new SchemaObject(ObjectKind.Operator, name, $"CREATE OPERATOR {OperatorName(name)} (\n    {string.Join(",\n    ", options)}\n)")
            {
                Arguments = S(r[2]) + ", " + S(r[3]),
                Comment = N(r[11]),
                DependsOn = Names(r[12]),
            });
        }
    }

    /// <summary>An operator's qualified name: the schema quoted as needed, the operator itself never quoted.</summary>
    internal static string OperatorName(QualifiedName name) => SchemaNames.Quote(name.Schema ?? "public") + "." + name.Name;

    private static string Modify(string code) => code switch { "r" => "READ_ONLY", "s" => "SHAREABLE", _ => "READ_WRITE" };

    private static void Add(List<string> options, string option, string? value)
    {
        if (value is not null)
        {
            options.Add(value.Length == 0 ? option : option + " = " + value);
        }
    }
}
