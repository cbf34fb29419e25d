using Strata.Conformance;

namespace Strata.Sqlite.Tests;

public sealed class SqliteApplyTests() : ApplyConformance(new SqliteTarget());

public sealed class SqliteRollbackTests() : RollbackConformance(new SqliteTarget());

public sealed class SqliteIntegrityTests() : IntegrityConformance(new SqliteTarget());

public sealed class SqliteConcurrencyTests() : ConcurrencyConformance(new SqliteTarget());

public sealed class SqliteCodeTests() : CodeConformance(new SqliteTarget());

public sealed class SqlitePsqlCompatibilityTests() : PsqlCompatibilityConformance(new SqliteTarget());

public sealed class SqliteSchemaRolesTests() : SchemaRolesConformance(new SqliteTarget());

public sealed class SqliteSchemaWorkspaceTests() : SchemaWorkspaceConformance(new SqliteTarget());

public sealed class SqliteGenerateTests() : GenerateConformance(new SqliteTarget());
