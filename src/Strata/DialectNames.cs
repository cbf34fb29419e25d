namespace Strata;

/// <summary>The lowercase names of <see cref="Dialect"/> as output, history and messages print them.</summary>
public static class DialectNames
{
    /// <summary><c>postgresql</c> or <c>sqlite</c>.</summary>
    public static string ToName(this Dialect dialect) => dialect switch
    {
        Dialect.PostgreSql => "postgresql",
        Dialect.Sqlite => "sqlite",
        _ => throw new ArgumentOutOfRangeException(nameof(dialect), dialect, "unknown dialect"),
    };
}
