namespace Strata.Configuration;

/// <summary>One entry of <c>environments</c> in <c>strata.json</c>; each value overrides the top-level one.</summary>
internal sealed class StrataJsonEnvironment
{
    /// <summary>This environment's database.</summary>
    public string? Database { get; set; }

    /// <summary>This environment's dev database for scratch work (see <see cref="StrataJsonDocument.DevDatabase"/>).</summary>
    public string? DevDatabase { get; set; }

    /// <summary>This environment's migrations folder, relative to the file.</summary>
    public string? Migrations { get; set; }

    /// <summary>True when destructive commands must refuse in this environment.</summary>
    public bool? Protected { get; set; }

    /// <summary>True to refuse non-loopback PostgreSQL connections that do not require TLS in this environment.</summary>
    public bool? RequireTls { get; set; }
}
