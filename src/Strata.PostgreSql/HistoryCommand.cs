using Npgsql;
using NpgsqlTypes;

namespace Strata.PostgreSql;

/// <summary>
/// One statement that changes the history: SQL with positional placeholders and their values. Executed with
/// parameters; rendered with literals only for dry-run text.
/// </summary>
/// <param name="Sql">Our own SQL with <c>$1</c>…<c>$n</c> placeholders.</param>
/// <param name="Values">The values, in placeholder order: <see cref="string"/>, <see cref="long"/>, <see cref="int"/>, <see cref="DateTimeOffset"/> or null.</param>
/// <param name="ChecksPrecondition">True for the statement whose affected-row count tells whether the precondition held.</param>
internal sealed record HistoryCommand(string Sql, IReadOnlyList<object?> Values, bool ChecksPrecondition = false)
{
    /// <summary>The statement with literals instead of placeholders, for dry-run output.</summary>
    public string Render() => SqlText.Inline(Sql, Values);

    /// <summary>The statement as a batch command with typed parameters.</summary>
    public NpgsqlBatchCommand ToBatchCommand()
    {
        var command = new NpgsqlBatchCommand(Sql);
        foreach (var value in Values)
        {
            command.Parameters.Add(Parameter(value));
        }

        return command;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
        string text => new NpgsqlParameter<string> { TypedValue = text, NpgsqlDbType = NpgsqlDbType.Text },
        long number => new NpgsqlParameter<long> { TypedValue = number, NpgsqlDbType = NpgsqlDbType.Bigint },
        int number => new NpgsqlParameter<int> { TypedValue = number, NpgsqlDbType = NpgsqlDbType.Integer },
        DateTimeOffset at => new NpgsqlParameter<DateTimeOffset> { TypedValue = at.ToUniversalTime(), NpgsqlDbType = NpgsqlDbType.TimestampTz },
        _ => throw new ArgumentException($"unsupported history value type {value.GetType().Name}", nameof(value)),
    };
}
