namespace Strata.Execution;

/// <summary>Progress through a no-transaction script: statement <see cref="Index"/> (1-based) of <see cref="Count"/> is done.</summary>
public sealed record StatementProgress(int Index, int Count, int Line);
