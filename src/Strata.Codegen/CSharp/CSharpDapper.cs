namespace Strata.Codegen;

/// <summary>
/// Writes <c>DapperTypes.g.cs</c> (option <see cref="CSharpOptions.Dapper"/>): the Dapper type handlers the columns
/// need (<see cref="DapperNeeds"/>) and a <c>Register()</c> that adds them and, when names are idiomatic, makes Dapper
/// fill <c>CreatedAt</c> from <c>created_at</c>.
/// </summary>
internal static class CSharpDapper
{
    private const string Invariant = "global::System.Globalization.CultureInfo.InvariantCulture";

    /// <summary>How each converted type is read from <c>value</c> (<c>@T</c> stands for the type as written).</summary>
    private static readonly Dictionary<string, string> Conversions = new(StringComparer.Ordinal)
    {
        ["DateOnly"] = $"value switch {{ @T v => v, DateTime t => @T.FromDateTime(t), _ => @T.Parse((string)value, {Invariant}) }}",
        ["TimeOnly"] = $"value switch {{ @T v => v, TimeSpan t => @T.FromTimeSpan(t), _ => @T.Parse((string)value, {Invariant}) }}",
        ["Guid"] = $"value switch {{ @T v => v, byte[] b => new @T(b), _ => @T.Parse((string)value, {Invariant}) }}",
    };

    public static void Write(CodeWriter w, CSharpContext ctx, ISet<string> usings)
    {
        usings.UnionWith(["System", "System.Data", "Dapper"]);
        var needs = DapperNeeds.Of(ctx, usings);
        var idiomatic = ctx.Options.Naming == NamingStyle.Idiomatic;
        w.Summary("Dapper type handlers for the generated column types Dapper cannot map by itself.");
        w.Open("public static partial class DapperTypes");
        w.Line("private static int registered;");
        w.Line();
        w.Summary("Registers the handlers"
            + (idiomatic ? " and turns on <c>DefaultTypeMap.MatchNamesWithUnderscores</c> (columns such as\n<c>created_at</c> fill properties such as <c>CreatedAt</c>)" : "")
            + ". Call it once at start-up; later calls do nothing.");
        w.Open("public static void Register()");
        w.Open("if (global::System.Threading.Interlocked.Exchange(ref registered, 1) == 1)");
        w.Line("return;");
        w.Close();
        w.Line();
        w.Line("SqlMapper.Settings.PreferTypeHandlersForEnums = true;");
        if (idiomatic)
        {
            w.Line("DefaultTypeMap.MatchNamesWithUnderscores = true;");
        }

        WriteRegistrations(w, needs);
        w.Close();
        WriteHandlers(w, needs, ctx.Model.Dialect == Dialect.PostgreSql, usings);
        w.Close();
    }

    private static void WriteRegistrations(CodeWriter w, DapperNeeds needs)
    {
        foreach (var (type, member) in needs.Typed)
        {
            // Dapper's own DbType for these (UInt32, UInt64, DateTimeOffset) is wrong or refused for Npgsql: drop it first.
            if (type is "uint" or "ulong" || type.EndsWith("DateTimeOffset", StringComparison.Ordinal))
            {
                w.Line($"SqlMapper.RemoveTypeMap(typeof({type}));");
            }

            w.Line($"SqlMapper.AddTypeHandler(new Typed<{type}>(global::NpgsqlTypes.NpgsqlDbType.{member}));");
        }

        foreach (var (type, name) in needs.Named)
        {
            w.Line($"SqlMapper.AddTypeHandler(new Named<{type}>({Literals.CSharpString(name)}));");
        }

        foreach (var type in needs.PassThrough)
        {
            w.Line($"SqlMapper.AddTypeHandler(new PassThrough<{type}>());");
        }

        foreach (var name in needs.Converted.Keys)
        {
            w.Line($"SqlMapper.AddTypeHandler(new {name}Handler());");
        }

        if (needs.MacAddress is not null)
        {
            w.Line("SqlMapper.AddTypeHandler(new MacAddressHandler());");
        }

        if (needs.JsonElement is not null)
        {
            w.Line("SqlMapper.AddTypeHandler(new JsonElementHandler());");
        }

        foreach (var type in needs.TypedJson)
        {
            w.Line($"SqlMapper.AddTypeHandler(new JsonHandler<{type}>());");
        }
    }

    private static void WriteHandlers(CodeWriter w, DapperNeeds needs, bool postgres, ISet<string> usings)
    {
        Handler(w, "Hands the value to the driver as it is, and takes it back as the driver read it.", "PassThrough<T> : SqlMapper.TypeHandler<T>", "T?",
            "parameter.Value = (object?)value ?? DBNull.Value;", "(T)value");
        if (needs.Typed.Count > 0)
        {
            Handler(w, "Values Npgsql cannot type by themselves (uint as oid, ulong as xid8, pg_lsn, timetz), sent with their PostgreSQL type.",
                "Typed<T>(global::NpgsqlTypes.NpgsqlDbType type) : SqlMapper.TypeHandler<T>", "T?",
                "parameter.Value = (object?)value ?? DBNull.Value;\n((global::Npgsql.NpgsqlParameter)parameter).NpgsqlDbType = type;", "(T)value");
        }

        if (needs.Named.Count > 0)
        {
            Handler(w, "Ranges of range types defined in the database, sent with the type's name (Npgsql cannot tell it from the value).",
                "Named<T>(string type) : SqlMapper.TypeHandler<T>", "T?",
                "parameter.Value = (object?)value ?? DBNull.Value;\n((global::Npgsql.NpgsqlParameter)parameter).DataTypeName = type;", "(T)value");
        }

        foreach (var (name, type) in needs.Converted)
        {
            Handler(w, $"{name} values, also from the text (or bytes) a driver such as Microsoft.Data.Sqlite returns for them.", $"{name}Handler : SqlMapper.TypeHandler<{type}>", type,
                "parameter.Value = value;", Conversions[name].Replace("@T", type, StringComparison.Ordinal));
        }

        if (needs.MacAddress is { } mac)
        {
            Handler(w, "MAC addresses: 8 bytes are sent as macaddr8, others as macaddr (Npgsql would send every one as macaddr).", $"MacAddressHandler : SqlMapper.TypeHandler<{mac}>", mac + "?",
                "parameter.Value = (object?)value ?? DBNull.Value;\n((global::Npgsql.NpgsqlParameter)parameter).NpgsqlDbType = value?.GetAddressBytes().Length == 8 ? global::NpgsqlTypes.NpgsqlDbType.MacAddr8 : global::NpgsqlTypes.NpgsqlDbType.MacAddr;",
                $"({mac})value");
        }

        var jsonb = postgres ? "\n((global::Npgsql.NpgsqlParameter)parameter).NpgsqlDbType = global::NpgsqlTypes.NpgsqlDbType.Jsonb;" : "";
        if (needs.JsonElement is { } element)
        {
            Handler(w, "JSON columns as <c>JsonElement</c>: sent as jsonb, read from the text Dapper receives.", $"JsonElementHandler : SqlMapper.TypeHandler<{element}>", element,
                "parameter.Value = value;" + jsonb, $"value is {element} element ? element : global::System.Text.Json.JsonDocument.Parse((string)value).RootElement.Clone()");
        }

        if (needs.TypedJson.Count > 0)
        {
            Handler(w, "Typed JSON columns: sent as jsonb (Npgsql serialises the object), read with System.Text.Json.", "JsonHandler<T> : SqlMapper.TypeHandler<T>", "T?",
                "parameter.Value = (object?)value ?? DBNull.Value;" + jsonb, "value is string text ? global::System.Text.Json.JsonSerializer.Deserialize<T>(text) : (T)value");
        }
    }

    private static void Handler(CodeWriter w, string summary, string declaration, string type, string set, string parse)
    {
        w.Line();
        w.Summary(summary);
        w.Open($"private sealed class {declaration}");
        w.Open($"public override void SetValue(IDbDataParameter parameter, {type} value)");
        foreach (var line in set.Split('\n'))
        {
            w.Line(line);
        }

        w.Close();
        w.Line();
        w.Line($"public override {type} Parse(object value) => {parse};");
        w.Close();
    }
}
