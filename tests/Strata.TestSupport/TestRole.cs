namespace Strata.TestSupport;

/// <summary>A login role made by <see cref="TestDatabase.CreateRoleAsync"/>, with a connection string to that database.</summary>
public sealed record TestRole(string Name, string Password, string ConnectionString);
