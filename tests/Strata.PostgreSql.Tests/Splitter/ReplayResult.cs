using Strata.Errors;
using Strata.TestSupport;

namespace Strata.PostgreSql.Tests.Splitter;

/// <summary>
/// One corpus file replayed on two fresh databases: through Strata on one, through <c>psql -f</c> on the other,
/// with both databases dumped afterwards (Strata's history tables dropped first, dumps normalised).
/// </summary>
/// <param name="MigrationFile">The file name both were given (<c>1_pg_crlf.sql</c>).</param>
/// <param name="StrataError">What Strata threw, or null when it applied the migration.</param>
/// <param name="StrataApplied">How many migrations Strata reported applied (1 on success).</param>
/// <param name="Psql">psql's exit code and output.</param>
/// <param name="StrataSchema">Schema-only dump of Strata's database.</param>
/// <param name="PsqlSchema">Schema-only dump of psql's database.</param>
/// <param name="StrataData">Data-only dump of Strata's database.</param>
/// <param name="PsqlData">Data-only dump of psql's database.</param>
internal sealed record ReplayResult(
    string MigrationFile,
    StrataException? StrataError,
    int StrataApplied,
    ToolResult Psql,
    string StrataSchema,
    string PsqlSchema,
    string StrataData,
    string PsqlData);
