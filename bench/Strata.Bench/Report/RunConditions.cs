namespace Strata.Bench.Report;

/// <summary>The conditions of one harness run, printed at the top of the results file.</summary>
internal sealed record RunConditions(
    DateTimeOffset Started,
    string Command,
    int CpuCount,
    string CpuModel,
    string Runtime,
    string LoadBefore,
    string LoadAfter,
    string ServerVersion,
    int Runs,
    string StrataTool);
