using System.Globalization;
using Strata.Execution;

namespace Strata.PostgreSql;

/// <summary>The <c>SET</c> statements that put a session's timeouts on migration statements.</summary>
internal static class Timeouts
{
    /// <summary><c>SET LOCAL</c> statements for the start of a transactional migration (they end with its transaction).</summary>
    public static IReadOnlyList<string> ForTransaction(SessionOptions options)
    {
        var set = new List<string>(2);
        if (options.StatementLockTimeout is { } lockTimeout)
        {
            set.Add($"SET LOCAL lock_timeout = '{Milliseconds(lockTimeout)}ms'");
        }

        if (options.StatementTimeout is { } statementTimeout)
        {
            set.Add($"SET LOCAL statement_timeout = '{Milliseconds(statementTimeout)}ms'");
        }

        return set;
    }

    /// <summary>
    /// The session-level <c>statement_timeout</c> for a no-transaction migration, or null. (No lock_timeout there:
    /// <c>CREATE INDEX CONCURRENTLY</c> waits for older transactions by design.)
    /// </summary>
    public static string? ForStatements(SessionOptions options) =>
        options.StatementTimeout is { } t ? $"SET statement_timeout = '{Milliseconds(t)}ms'" : null;

    private static string Milliseconds(TimeSpan t) =>
        Math.Max(1, (long)Math.Ceiling(t.TotalMilliseconds)).ToString(CultureInfo.InvariantCulture);
}
