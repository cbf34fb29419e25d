using System.Collections;
using System.Net;
using System.Net.NetworkInformation;
using System.Text.Json;
using NpgsqlTypes;
using Strata.Codegen.Tests.Support;

namespace Strata.Codegen.Tests;

/// <summary>A value of each column of <c>all_types</c> (Schemas/postgres_all_types.sql), typed as the generated C# types them.</summary>
internal static class PostgresSamples
{
    private static readonly bool[] Bits8 = [true, false, true, true, false, false, true, false];
    private static readonly bool[] Bits5 = [true, true, false, true, false];

    public static Dictionary<string, object?> For(Generated generated, bool multiranges)
    {
        var day = new DateOnly(2024, 2, 29);
        var values = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["c_boolean"] = true,
            ["c_smallint"] = (short)-12,
            ["c_integer"] = 123456,
            ["c_bigint"] = 9_007_199_254_740_993L,
            ["c_real"] = 1.5f,
            ["c_double"] = 2.25,
            ["c_numeric"] = 1234.56m,
            ["c_money"] = 12.34m,
            ["c_text"] = "héllo ✓",
            ["c_varchar"] = "varying",
            ["c_char"] = "abc",
            ["c_citext"] = "MixedCase",
            ["c_name"] = "a_name",
            ["c_qchar"] = 'q',
            ["c_xml"] = "<a>1</a>",
            ["c_uuid"] = Guid.Parse("0b4f0ce7-44b5-4b0a-9d1f-7d3f8b7b7a01"),
            ["c_bytea"] = new byte[] { 0, 1, 2, 255 },
            ["c_date"] = day,
            ["c_time"] = new TimeOnly(13, 14, 15),
            ["c_timetz"] = new DateTimeOffset(1, 1, 2, 13, 14, 15, TimeSpan.FromHours(2)),
            ["c_timestamp"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Unspecified),
            ["c_timestamptz"] = new DateTime(2024, 1, 2, 3, 4, 5, DateTimeKind.Utc),
            ["c_interval"] = TimeSpan.FromHours(26.5),
            ["c_json"] = JsonDocument.Parse("{\"a\":1}").RootElement,
            ["c_jsonb"] = JsonDocument.Parse("{\"b\":[1,2]}").RootElement,
            ["c_jsonpath"] = "$.\"a\"",
            ["c_inet"] = IPAddress.Parse("192.168.0.1"),
            ["c_cidr"] = new IPNetwork(IPAddress.Parse("10.0.0.0"), 8),
            ["c_macaddr"] = PhysicalAddress.Parse("08-00-2B-01-02-03"),
            ["c_macaddr8"] = PhysicalAddress.Parse("08-00-2B-01-02-03-04-05"),
            ["c_bit"] = true,
            ["c_bit8"] = new BitArray(Bits8),
            ["c_varbit"] = new BitArray(Bits5),
#pragma warning disable CS0618 // Npgsql has no other public way to make these values; these simple ones parse the same on both sides.
            ["c_tsvector"] = NpgsqlTsVector.Parse("a cat fat"),
#pragma warning restore CS0618
            ["c_tsquery"] = new NpgsqlTsQueryAnd(new NpgsqlTsQueryLexeme("fat"), new NpgsqlTsQueryLexeme("cat")),
            ["c_point"] = new NpgsqlPoint(1.5, -2),
            ["c_line"] = new NpgsqlLine(1, -1, 0),
            ["c_lseg"] = new NpgsqlLSeg(1, 2, 3, 4),
            ["c_box"] = new NpgsqlBox(new NpgsqlPoint(3, 4), new NpgsqlPoint(1, 2)),
            ["c_path"] = new NpgsqlPath([new NpgsqlPoint(0, 0), new NpgsqlPoint(1, 1)], open: true),
            ["c_polygon"] = new NpgsqlPolygon([new NpgsqlPoint(0, 0), new NpgsqlPoint(1, 0), new NpgsqlPoint(0, 1)]),
            ["c_circle"] = new NpgsqlCircle(1, 2, 3),
            ["c_oid"] = 42u,
            ["c_xid"] = 7u,
            ["c_xid8"] = 9ul,
            ["c_cid"] = 3u,
            ["c_pg_lsn"] = new NpgsqlLogSequenceNumber(0x16B3748),
            ["c_hstore"] = new Dictionary<string, string?> { ["a"] = "1", ["b"] = null },
            ["c_ltree"] = "top.middle.leaf",
            ["c_int4range"] = new NpgsqlRange<int>(1, true, 10, false),
            ["c_int8range"] = new NpgsqlRange<long>(1, true, 5_000_000_000, false),
            ["c_numrange"] = new NpgsqlRange<decimal>(1.5m, true, 2.5m, true),
            ["c_tsrange"] = new NpgsqlRange<DateTime>(new DateTime(2024, 1, 1), true, new DateTime(2024, 2, 1), false),
            ["c_tstzrange"] = new NpgsqlRange<DateTime>(new DateTime(2024, 1, 1, 0, 0, 0, DateTimeKind.Utc), true, new DateTime(2024, 2, 1, 0, 0, 0, DateTimeKind.Utc), false),
            ["c_daterange"] = new NpgsqlRange<DateOnly>(day, true, day.AddDays(3), false),
            ["c_floatrange"] = new NpgsqlRange<double>(1.5, true, 2.25, false),
            ["c_enum"] = generated.Enum("Mood", "InBetween"),
            ["c_enum_other"] = generated.Enum("AppState", "Live"),
            ["c_email"] = "a@example.com",
            ["c_positive"] = 5,
            ["c_int_array"] = new[] { 1, 2, 3 },
            ["c_text_array"] = new[] { "a", "b c" },
            ["c_uuid_array"] = new[] { Guid.Parse("0b4f0ce7-44b5-4b0a-9d1f-7d3f8b7b7a02") },
            ["c_numeric_array"] = new[] { 1.5m, 2m },
            ["c_timestamptz_array"] = new[] { new DateTime(2024, 5, 6, 7, 8, 9, DateTimeKind.Utc) },
            ["c_enum_array"] = generated.EnumArray("Mood", "Sad", "Happy"),
            ["c_composite"] = Composite(generated.Type("Complex"), ("R", 1.5), ("I", -2.0)),
            ["c_regclass"] = "all_types",
            ["c_typed_json"] = Activator.CreateInstance(generated.Type("Payload"), "p", 2),
            ["c_nullable_int"] = null,
            ["c_nullable_text"] = null,
        };
        if (multiranges)
        {
            values["c_int4multirange"] = new[] { new NpgsqlRange<int>(1, true, 3, false), new NpgsqlRange<int>(5, true, 7, false) };
            values["c_datemultirange"] = new[] { new NpgsqlRange<DateOnly>(day, true, day.AddDays(1), false) };
            values["c_floatmultirange"] = new[] { new NpgsqlRange<double>(0, true, 1, false), new NpgsqlRange<double>(2, false, 3, true) };
        }

        return values;
    }

    /// <summary>An instance of a generated composite record with the given properties set.</summary>
    private static object Composite(Type type, params (string Property, object? Value)[] properties)
    {
        var value = Activator.CreateInstance(type)!;
        foreach (var (property, set) in properties)
        {
            type.GetProperty(property)!.SetValue(value, set);
        }

        return value;
    }
}
