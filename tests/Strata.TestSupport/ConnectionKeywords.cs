using System.Data.Common;
using System.Globalization;
using Strata.Configuration;

namespace Strata.TestSupport;

/// <summary>Reads a target's keyword connection string back into a case-insensitive dictionary.</summary>
public static class ConnectionKeywords
{
    /// <summary>Every keyword of <paramref name="target"/>'s connection string with its value, keys compared case-insensitively.</summary>
    public static Dictionary<string, string> Of(DatabaseTarget target)
    {
        var builder = new DbConnectionStringBuilder { ConnectionString = target.ConnectionString };
        return builder.Keys.Cast<string>().ToDictionary(
            k => k,
            k => Convert.ToString(builder[k], CultureInfo.InvariantCulture) ?? "",
            StringComparer.OrdinalIgnoreCase);
    }
}
