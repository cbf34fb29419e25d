namespace Strata.Configuration;

/// <summary>
/// One way environment variables name a database (<see cref="IConnectionSyntax.EnvironmentSources"/>): the
/// <c>PG*</c> set, <c>DB_PATH</c>. A layer (the process environment, or <c>.env</c>) names the database this way when
/// it sets one of the <paramref name="Markers"/>; the <paramref name="Members"/> fill in its parts from either layer.
/// </summary>
/// <param name="Name">How messages and <c>--verbose</c> name it: "PG* variables", "DB_PATH".</param>
/// <param name="Markers">The variables that make a layer name the database: <c>PGHOST</c>, <c>PGDATABASE</c>.</param>
/// <param name="Members">The other variables of the set (empty for a single variable).</param>
/// <param name="Build">The target from the variables, the layer that named it and the working directory.</param>
public sealed record EnvironmentSource(
    string Name,
    IReadOnlyList<string> Markers,
    IReadOnlyList<string> Members,
    Func<EnvironmentVariables, string, string, DatabaseTarget> Build);
