namespace Strata.Configuration;

/// <summary>The <c>history</c> section of <c>strata.json</c>.</summary>
internal sealed class StrataJsonHistory
{
    /// <summary>The history table name.</summary>
    public string? Table { get; set; }

    /// <summary>The history table's schema, or null for the default.</summary>
    public string? Schema { get; set; }
}
