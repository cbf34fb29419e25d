namespace Strata.Execution;

/// <summary>
/// Progress through a script that runs statement by statement (a no-transaction script, or a streamed one): statements
/// 1 to <see cref="Index"/> of <see cref="Count"/> (0 when unknown) are done; the last of them starts on file line
/// <see cref="Line"/>. A streamed step first reports <see cref="Index"/> 0 (none done yet, <see cref="Line"/> its first line).
/// </summary>
public sealed record StatementProgress(int Index, int Count, int Line);
