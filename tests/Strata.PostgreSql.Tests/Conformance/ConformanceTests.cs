using Strata.Conformance;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Conformance;

// Every scenario of the kit runs on each PostgreSQL major of the matrix (./test.sh; docs/testing.md).

[PostgresMatrix]
public sealed class PostgresApplyTests() : ApplyConformance(new PostgresTarget());

[PostgresMatrix]
public sealed class PostgresRollbackTests() : RollbackConformance(new PostgresTarget());

[PostgresMatrix]
public sealed class PostgresIntegrityTests() : IntegrityConformance(new PostgresTarget());

[PostgresMatrix]
public sealed class PostgresConcurrencyTests() : ConcurrencyConformance(new PostgresTarget());

[PostgresMatrix]
public sealed class PostgresCodeTests() : CodeConformance(new PostgresTarget());

public sealed class PostgresPsqlCompatibilityTests() : PsqlCompatibilityConformance(new PostgresTarget());

[PostgresMatrix]
public sealed class PostgresSchemaRolesTests() : SchemaRolesConformance(new PostgresTarget());

public sealed class PostgresSchemaWorkspaceTests() : SchemaWorkspaceConformance(new PostgresTarget());

public sealed class PostgresGenerateTests() : GenerateConformance(new PostgresTarget());
