namespace Strata.Configuration;

/// <summary>
/// Where one resolved setting came from, for <c>--verbose</c> output: e.g. <c>database ← DATABASE_URL (.env)</c>.
/// Produced by <see cref="ConfigurationResolver"/>; holds names of sources only, never values, so it is safe to print.
/// </summary>
/// <param name="Setting">The setting: <c>database</c>, <c>environment</c>, <c>migrations</c>, <c>lockTimeout</c>, …</param>
/// <param name="Source">The layer that supplied it: <c>--database</c>, <c>DATABASE_URL (environment)</c>,
/// <c>strata.json environments.production.database</c>, <c>default</c>, …</param>
public sealed record SettingOrigin(string Setting, string Source)
{
    /// <inheritdoc />
    public override string ToString() => $"{Setting} ← {Source}";
}
