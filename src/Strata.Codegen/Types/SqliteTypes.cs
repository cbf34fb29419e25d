namespace Strata.Codegen;

/// <summary>
/// The mapping of SQLite declared types: common names first (<c>BOOLEAN</c>, <c>DATE</c>, <c>DATETIME</c>, <c>UUID</c>,
/// <c>DECIMAL</c>, <c>JSON</c>), then SQLite's own affinity rules (INT, CHAR/CLOB/TEXT, BLOB, REAL/FLOA/DOUB, else
/// NUMERIC). C# as Microsoft.Data.Sqlite reads the values; TypeScript as better-sqlite3 returns them.
/// </summary>
internal static class SqliteTypes
{
    /// <summary>The C# and TypeScript types of declared type <paramref name="declared"/>.</summary>
    public static (CsType CSharp, TsType TypeScript) Map(string declared)
    {
        var name = declared.Trim().ToUpperInvariant();
        var paren = name.IndexOf('(', StringComparison.Ordinal);
        var bare = (paren >= 0 ? name[..paren] : name).Trim();
        var number = TsType.Plain("number");
        var text = TsType.Plain("string");
        return bare switch
        {
            "" => (CsType.Keyword("object"), TsType.Plain("unknown")),
            "BOOLEAN" or "BOOL" => (CsType.Keyword("bool"), number),
            "DATE" => (CsType.Framework("System", "DateOnly"), text),
            "DATETIME" or "TIMESTAMP" => (CsType.Framework("System", "DateTime"), text),
            "TIME" => (CsType.Framework("System", "TimeOnly"), text),
            "UUID" or "GUID" or "UNIQUEIDENTIFIER" => (CsType.Framework("System", "Guid"), text),
            "DECIMAL" or "NUMERIC" or "MONEY" => (CsType.Keyword("decimal"), number),
            "JSON" or "JSONB" => (CsType.Keyword("string"), text),
            _ when name.Contains("INT", StringComparison.Ordinal) => (CsType.Keyword("long"), number),
            _ when name.Contains("CHAR", StringComparison.Ordinal) || name.Contains("CLOB", StringComparison.Ordinal) || name.Contains("TEXT", StringComparison.Ordinal) => (CsType.Keyword("string"), text),
            _ when name.Contains("BLOB", StringComparison.Ordinal) => (CsType.ArrayOf(CsType.Keyword("byte")), TsType.Plain("Buffer")),
            _ when name.Contains("REAL", StringComparison.Ordinal) || name.Contains("FLOA", StringComparison.Ordinal) || name.Contains("DOUB", StringComparison.Ordinal) => (CsType.Keyword("double"), number),
            _ => (CsType.Keyword("decimal"), number),
        };
    }
}
