using System.Security.Cryptography;

namespace Strata.Adoption;

/// <summary>
/// sqlx's checksum of a migration (sqlx-core migrate/migration.rs and source.rs): SHA-384 of the file as read, or of
/// the file without the characters <c>sqlx.toml</c>'s <c>migrate.ignored-chars</c> names. Strata compares the file
/// as is, then without whitespace (the set sqlx documents for line-ending and formatting changes); ADR 030.
/// </summary>
internal static class SqlxChecksum
{
    private static readonly char[] Whitespace = [' ', '\t', '\r', '\n'];

    /// <summary>What the comparison found: <c>SHA-384 matches</c>, the same ignoring whitespace, or <c>checksum differs</c>.</summary>
    public static string Check(byte[] file, string recorded) =>
        Hex(file) == recorded ? "SHA-384 matches"
        : Hex(System.Text.Encoding.UTF8.GetBytes(string.Concat(System.Text.Encoding.UTF8.GetString(file).Split(Whitespace)))) == recorded ? "SHA-384 matches ignoring whitespace (sqlx.toml ignored-chars)"
        : "checksum differs";

    private static string Hex(byte[] bytes) => Convert.ToHexStringLower(SHA384.HashData(bytes));
}
