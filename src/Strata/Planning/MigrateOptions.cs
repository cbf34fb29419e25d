namespace Strata.Planning;

/// <summary>Options of <c>strata migrate</c>.</summary>
public sealed record MigrateOptions
{
    /// <summary>Apply pending migrations up to and including this version; null for all (and then repeatables).</summary>
    public long? Target { get; init; }

    /// <summary>Apply pending migrations older than the newest applied one instead of refusing.</summary>
    public bool AllowOutOfOrder { get; init; }

    /// <summary>Go on although applied migrations' files are gone.</summary>
    public bool IgnoreMissing { get; init; }
}
