namespace Strata.Codegen;

/// <summary>
/// The default mapping of PostgreSQL's built-in types: C# as Npgsql 10 reads them, TypeScript as node-postgres returns
/// them (kysely-codegen's conventions). docs/codegen.md has the same table; keep them together.
/// </summary>
internal static class PostgresTypes
{
    private const string Json = "System.Text.Json";
    private const string Npgsql = "NpgsqlTypes";

    /// <summary>Other spellings of built-in types, accepted as override keys.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["bool"] = "boolean",
        ["int2"] = "smallint",
        ["int"] = "integer",
        ["int4"] = "integer",
        ["int8"] = "bigint",
        ["float4"] = "real",
        ["float8"] = "double precision",
        ["decimal"] = "numeric",
        ["varchar"] = "character varying",
        ["char"] = "character",
        ["bpchar"] = "character",
        ["varbit"] = "bit varying",
        ["timestamp"] = "timestamp without time zone",
        ["timestamptz"] = "timestamp with time zone",
        ["time"] = "time without time zone",
        ["timetz"] = "time with time zone",
    };

    /// <summary>The canonical name of <paramref name="name"/> (an alias resolved; <c>interval year to month</c> is <c>interval</c>).</summary>
    public static string Canonical(string name) =>
        Aliases.TryGetValue(name, out var canonical) ? canonical : name.StartsWith("interval", StringComparison.Ordinal) ? "interval" : name;

    /// <summary>The C# type of built-in <paramref name="type"/> (no array), or null when it is not built in.</summary>
    public static CsType? CSharp(PgTypeName type, CSharpOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Canonical(type.Name) switch
        {
            "boolean" => CsType.Keyword("bool"),
            "smallint" => CsType.Keyword("short"),
            "integer" => CsType.Keyword("int"),
            "bigint" => CsType.Keyword("long"),
            "real" => CsType.Keyword("float"),
            "double precision" => CsType.Keyword("double"),
            "numeric" or "money" => CsType.Keyword("decimal"),
            "text" or "character varying" or "character" or "name" or "citext" or "xml" or "jsonpath" or "ltree" or "lquery" or "ltxtquery" => CsType.Keyword("string"),
            "\"char\"" => CsType.Keyword("char"),
            "uuid" => CsType.Framework("System", "Guid"),
            "bytea" => CsType.ArrayOf(CsType.Keyword("byte")),
            "date" => CsType.Framework("System", "DateOnly"),
            "time without time zone" => CsType.Framework("System", "TimeOnly"),
            "time with time zone" => CsType.Framework("System", "DateTimeOffset"),
            "timestamp without time zone" => CsType.Framework("System", "DateTime"),
            "timestamp with time zone" => options.TimestampTz == TimestampTzType.DateTime ? CsType.Framework("System", "DateTime") : CsType.Framework("System", "DateTimeOffset"),
            "interval" => CsType.Framework("System", "TimeSpan"),
            "json" or "jsonb" => CsType.Framework(Json, "JsonElement"),
            "inet" => CsType.Framework("System.Net", "IPAddress"),
            "cidr" => CsType.Framework("System.Net", "IPNetwork"),
            "macaddr" or "macaddr8" => CsType.Framework("System.Net.NetworkInformation", "PhysicalAddress"),
            "bit" when type.Modifiers is null or "1" => CsType.Keyword("bool"),
            "bit" or "bit varying" => CsType.Framework("System.Collections", "BitArray"),
            "tsvector" => CsType.Framework(Npgsql, "NpgsqlTsVector"),
            "tsquery" => CsType.Framework(Npgsql, "NpgsqlTsQuery"),
            "point" => CsType.Framework(Npgsql, "NpgsqlPoint"),
            "line" => CsType.Framework(Npgsql, "NpgsqlLine"),
            "lseg" => CsType.Framework(Npgsql, "NpgsqlLSeg"),
            "box" => CsType.Framework(Npgsql, "NpgsqlBox"),
            "path" => CsType.Framework(Npgsql, "NpgsqlPath"),
            "polygon" => CsType.Framework(Npgsql, "NpgsqlPolygon"),
            "circle" => CsType.Framework(Npgsql, "NpgsqlCircle"),
            "oid" or "xid" or "cid" => CsType.Keyword("uint"),
            "xid8" => CsType.Keyword("ulong"),
            "pg_lsn" => CsType.Framework(Npgsql, "NpgsqlLogSequenceNumber"),
            "hstore" => CsType.Generic("System.Collections.Generic", "Dictionary", CsType.Keyword("string"), CsType.Keyword("string") with { Nullable = true }),
            _ when RangeSubtype(Canonical(type.Name)) is { } subtype => Range(CSharp(PgTypeName.Parse(subtype), options)!, type.Name.Contains("multirange", StringComparison.Ordinal)),
            _ => null,
        };
    }

    /// <summary>The TypeScript type of built-in <paramref name="type"/> (no array), or null when it is not built in.</summary>
    public static TsType? TypeScript(PgTypeName type, TypeScriptOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Canonical(type.Name) switch
        {
            "boolean" => TsType.Plain("boolean"),
            "smallint" or "integer" or "real" or "double precision" or "oid" or "xid" or "cid" => TsType.Plain("number"),
            "bigint" => options.BigInt switch { BigIntMode.Number => TsType.Plain("number"), BigIntMode.BigInt => TsType.Plain("bigint"), _ => TsType.Helper("Int8") },
            "numeric" => TsType.Helper("Numeric"),
            "bytea" => TsType.Plain("Buffer"),
            "date" or "timestamp without time zone" or "timestamp with time zone" => TsType.Helper("Timestamp"),
            "interval" => new TsType("Interval", ["Interval", "PostgresInterval"]),
            "json" or "jsonb" => new TsType("Json", ["Json", "JsonValue", "JsonArray", "JsonObject", "JsonPrimitive"]),
            "point" => TsType.Helper("Point"),
            "circle" => TsType.Helper("Circle"),
            _ => null,
        };
    }

    /// <summary>True when <paramref name="name"/> is a type this table knows (built-in or from a common extension).</summary>
    public static bool IsKnown(string name) =>
        CSharp(new PgTypeName(new Schema.QualifiedName(null, name), null, false), new CSharpOptions()) is not null
        || Canonical(name) is "money" or "time without time zone" or "time with time zone";

    /// <summary>The subtype of a built-in range or multirange type, or null.</summary>
    private static string? RangeSubtype(string name) => name switch
    {
        "int4range" or "int4multirange" => "integer",
        "int8range" or "int8multirange" => "bigint",
        "numrange" or "nummultirange" => "numeric",
        "tsrange" or "tsmultirange" => "timestamp without time zone",
        "tstzrange" or "tstzmultirange" => "timestamp with time zone",
        "daterange" or "datemultirange" => "date",
        _ => null,
    };

    /// <summary><c>NpgsqlRange&lt;T&gt;</c>, or an array of them for a multirange.</summary>
    public static CsType Range(CsType subtype, bool multirange)
    {
        var range = CsType.Generic(Npgsql, "NpgsqlRange", subtype);
        return multirange ? CsType.ArrayOf(range) : range;
    }
}
