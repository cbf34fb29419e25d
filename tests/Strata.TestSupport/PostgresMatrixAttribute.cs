using Xunit.Sdk;

namespace Strata.TestSupport;

/// <summary>
/// Runs a test class (or method) on every PostgreSQL major of the matrix, not only on the suite's default server:
/// it adds the trait <c>Category=PostgresMatrix</c>, and <c>./test.sh</c> runs the tests with that trait once more
/// for each major of <c>STRATA_TEST_PG_MAJORS</c> (13 to 18 by default), each in a test process whose
/// <see cref="PostgresServer.SharedAsync"/> server is that major (<c>STRATA_TEST_PG_MAJOR</c>). The test itself is
/// written as usual, against <see cref="PostgresServer.SharedAsync"/> or <see cref="PostgresTestBase"/>.
/// </summary>
[TraitDiscoverer("Strata.TestSupport.PostgresMatrixTraitDiscoverer", "Strata.TestSupport")]
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Method, AllowMultiple = false)]
public sealed class PostgresMatrixAttribute : Attribute, ITraitAttribute
{
    /// <summary>The trait name the attribute adds.</summary>
    public const string TraitName = "Category";

    /// <summary>The trait value the attribute adds; <c>./test.sh</c> filters on <c>Category=PostgresMatrix</c>.</summary>
    public const string TraitValue = "PostgresMatrix";
}
