using System.Security.Cryptography;
using System.Text;

namespace Strata.Testing;

/// <summary>Identifier quoting and the fixed texts the PostgreSQL side writes and recognises.</summary>
internal static class PgText
{
    /// <summary>The comment on a finished template; a template without it is half built.</summary>
    public const string TemplateReady = "strata-testing template ready";

    /// <summary>The comment on a database made by <c>strata test-db create</c>.</summary>
    public const string TestDatabase = "strata-testing database";

    /// <summary>The application name of an owner's liveness connection, followed by its owner id.</summary>
    public const string OwnerApplication = "strata-test-owner ";

    /// <summary>A quoted identifier.</summary>
    public static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";

    /// <summary>A quoted literal (for COMMENT, which takes no parameters).</summary>
    public static string Literal(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";

    /// <summary>The advisory lock key that serialises the building of one template across processes.</summary>
    public static long TemplateLockKey(string template) =>
        BitConverter.ToInt64(SHA256.HashData(Encoding.UTF8.GetBytes("strata-testing template " + template)), 0);
}
