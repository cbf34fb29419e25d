using Strata.Code;
using Strata.Execution;
using Strata.History;
using Strata.Sources;

namespace Strata.Tests.Engine;

/// <summary>
/// The script executor of the <see cref="RecordingDialect"/>: records each script instead of running it, commits a
/// transactional script together with its history change, and throws the failures planted for a migration.
/// </summary>
internal sealed class RecordingExecutor(RecordingDialect dialect, RecordingHistory history) : IScriptExecutor
{
    public Task<ExecutionOutcome> ExecuteAsync(string migration, SqlScript script, HistoryChange change, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        dialect.Calls.Add($"run:{migration}:{RecordingHistory.Describe(change)}");
        if (dialect.NextFailure(migration) is { } failure)
        {
            throw failure;
        }

        if (!history.TryApply(change))
        {
            return Task.FromResult(ExecutionOutcome.Skipped);
        }

        dialect.Committed.Add($"{migration}: {script.Sql}");
        return Task.FromResult(ExecutionOutcome.Applied);
    }

    public Task ExecuteInTransactionAsync(string migration, SqlScript script, CancellationToken cancellationToken)
    {
        dialect.Calls.Add($"transaction:{migration}");
        if (dialect.NextFailure(migration) is { } failure)
        {
            throw failure;
        }

        dialect.Committed.Add($"{migration}: {script.Sql}");
        return Task.CompletedTask;
    }

    public Task ExecuteStatementsAsync(string migration, SqlScript script, IProgress<StatementProgress>? progress, CancellationToken cancellationToken)
    {
        dialect.Calls.Add($"statements:{migration}");
        if (dialect.NextFailure(migration) is { } failure)
        {
            throw failure;
        }

        var statements = script.Sql.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        for (var i = 0; i < statements.Length; i++)
        {
            dialect.Committed.Add($"{migration}: {statements[i]};");
            progress?.Report(new StatementProgress(i + 1, statements.Length, script.FirstLine));
        }

        return Task.CompletedTask;
    }

    public Task<ExecutionOutcome> ExecuteCodeAsync(string migration, CodeScript script, HistoryChange? change, string environment, CancellationToken cancellationToken)
    {
        dialect.Calls.Add($"code:{migration}" + (change is null ? "" : ":" + RecordingHistory.Describe(change)));
        return Task.FromResult(change is null || history.TryApply(change) ? ExecutionOutcome.Applied : ExecutionOutcome.Skipped);
    }

    public string Render(SqlScript script, HistoryChange change) =>
        "BEGIN;\n" + script.Sql.TrimEnd() + "\n" + history.Render(change) + "\nCOMMIT;";
}
