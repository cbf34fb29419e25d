using Strata.Planning;

namespace Strata.Hosting;

/// <summary>One read of the migration status for the health check: the report, or the error that prevented it.</summary>
internal sealed record StatusRead(StatusReport? Report, Exception? Error);
