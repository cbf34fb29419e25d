using Strata.Conformance;

namespace Strata.PostgreSql.Tests.Conformance;

public sealed class PostgresApplyTests() : ApplyConformance(new PostgresTarget());

public sealed class PostgresRollbackTests() : RollbackConformance(new PostgresTarget());

public sealed class PostgresIntegrityTests() : IntegrityConformance(new PostgresTarget());

public sealed class PostgresConcurrencyTests() : ConcurrencyConformance(new PostgresTarget());

public sealed class PostgresCodeTests() : CodeConformance(new PostgresTarget());
