namespace Strata.Testing;

/// <summary>
/// Hands out test databases that already hold every migration. Made by <see cref="TestDatabases"/>; test code
/// (or a fixture) calls <see cref="RentAsync"/> once per test and disposes the result after it. Safe to call from
/// parallel tests. Disposing the pool drops the clones it still holds.
/// </summary>
public interface ITestDatabasePool : IAsyncDisposable
{
    /// <summary>
    /// Migrates the template once for this migration set (waiting for another process that is already building
    /// it) and returns its name. Called by <see cref="RentAsync"/>; call it early to pay the cost up front.
    /// Throws the migration's <see cref="Errors.StrataException"/> when a migration fails.
    /// </summary>
    Task<string> EnsureTemplateAsync(CancellationToken cancellationToken = default);

    /// <summary>A database of its own for one test; dispose it when the test ends (drops or resets it).</summary>
    Task<RentedDatabase> RentAsync(CancellationToken cancellationToken = default);
}
