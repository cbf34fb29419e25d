namespace Strata.Codegen;

/// <summary>The helper types the TypeScript file declares when its columns use them (kysely-codegen's definitions, so the output is a drop-in).</summary>
internal static class TypeScriptHelpers
{
    /// <summary>Each helper's declaration, in the order they are written.</summary>
    public static readonly IReadOnlyList<(string Name, string Declaration)> All =
    [
        ("ArrayType", "export type ArrayType<T> = ArrayTypeImpl<T> extends (infer U)[] ? U[] : ArrayTypeImpl<T>;"),
        ("ArrayTypeImpl", "export type ArrayTypeImpl<T> = T extends ColumnType<infer S, infer I, infer U> ? ColumnType<S[], I[], U[]> : T[];"),
        ("Circle", "export interface Circle {\n  x: number;\n  y: number;\n  radius: number;\n}"),
        ("Generated", "export type Generated<T> = T extends ColumnType<infer S, infer I, infer U>\n  ? ColumnType<S, I | undefined, U>\n  : ColumnType<T, T | undefined, T>;"),
        ("GeneratedAlways", "export type GeneratedAlways<T> = T extends ColumnType<infer S, unknown, unknown> ? ColumnType<S, never, never> : ColumnType<T, never, never>;"),
        ("Int8", "export type Int8 = ColumnType<string, bigint | number | string, bigint | number | string>;"),
        ("Interval", "export type Interval = ColumnType<PostgresInterval, PostgresInterval | number | string, PostgresInterval | number | string>;"),
        ("Json", "export type Json = JsonValue;"),
        ("JsonArray", "export type JsonArray = JsonValue[];"),
        ("JsonObject", "export type JsonObject = {\n  [x: string]: JsonValue | undefined;\n};"),
        ("JsonPrimitive", "export type JsonPrimitive = boolean | number | string | null;"),
        ("JsonValue", "export type JsonValue = JsonArray | JsonObject | JsonPrimitive;"),
        ("Numeric", "export type Numeric = ColumnType<string, number | string, number | string>;"),
        ("Point", "export interface Point {\n  x: number;\n  y: number;\n}"),
        ("PostgresInterval", "/** What node-postgres parses an interval into (postgres-interval). */\nexport interface PostgresInterval {\n  years?: number;\n  months?: number;\n  days?: number;\n  hours?: number;\n  minutes?: number;\n  seconds?: number;\n  milliseconds?: number;\n}"),
        ("Timestamp", "export type Timestamp = ColumnType<Date, Date | string, Date | string>;"),
    ];

    /// <summary>Helpers that are written in terms of Kysely's <c>ColumnType</c>.</summary>
    public static bool NeedsColumnType(string name) => name is "ArrayTypeImpl" or "Generated" or "GeneratedAlways" or "Int8" or "Interval" or "Numeric" or "Timestamp";
}
