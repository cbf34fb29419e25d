using Xunit.Abstractions;
using Xunit.Sdk;

namespace Strata.TestSupport;

/// <summary>Gives the tests marked <see cref="PostgresMatrixAttribute"/> the trait <c>Category=PostgresMatrix</c>.</summary>
public sealed class PostgresMatrixTraitDiscoverer : ITraitDiscoverer
{
    /// <inheritdoc/>
    public IEnumerable<KeyValuePair<string, string>> GetTraits(IAttributeInfo traitAttribute)
    {
        yield return new(PostgresMatrixAttribute.TraitName, PostgresMatrixAttribute.TraitValue);
    }
}
