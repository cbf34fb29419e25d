using System.Data.Common;
using System.Globalization;
using Strata.Configuration;

namespace Strata.PostgreSql.Tests.Connection;

/// <summary>Reads a target's Npgsql keyword string back into a case-insensitive dictionary.</summary>
internal static class ConnectionKeywords
{
    public static Dictionary<string, string> Of(DatabaseTarget target)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        return builder.Keys.Cast<string>().ToDictionary(
            k => k,
            k => Convert.ToString(builder[k], CultureInfo.InvariantCulture) ?? "",
            StringComparer.OrdinalIgnoreCase);
    }
}
