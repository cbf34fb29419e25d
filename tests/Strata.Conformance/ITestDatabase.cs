using Strata.Execution;

namespace Strata.Conformance;

/// <summary>One empty database for one test, and dialect-neutral ways to look inside it.</summary>
public interface ITestDatabase : IAsyncDisposable
{
    /// <summary>A provider (dialect) for this database.</summary>
    IDialect Provider();

    /// <summary>True when a table of that (unquoted) name exists in the default schema.</summary>
    Task<bool> TableExistsAsync(string table);

    /// <summary>Runs SQL outside Strata (to set up or disturb a scenario).</summary>
    Task ExecuteAsync(string sql);

    /// <summary>Runs a query returning one integer.</summary>
    Task<long> ScalarAsync(string sql);
}
