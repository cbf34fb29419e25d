using System.Globalization;

namespace Strata.History;

/// <summary>
/// The history table's column values as text, shared by every dialect so that a history written by one
/// Strata version or dialect reads the same everywhere.
/// </summary>
public static class HistoryValues
{
    /// <summary>The stored text of a kind: <c>versioned</c>, <c>repeatable</c>, <c>baseline</c>, <c>marked</c>.</summary>
    public static string ToText(HistoryKind kind) => kind switch
    {
        HistoryKind.Versioned => "versioned",
        HistoryKind.Repeatable => "repeatable",
        HistoryKind.Baseline => "baseline",
        HistoryKind.Marked => "marked",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The stored text of a state: <c>succeeded</c> or <c>started</c>.</summary>
    public static string ToText(MigrationState state) => state switch
    {
        MigrationState.Succeeded => "succeeded",
        MigrationState.Started => "started",
        _ => throw new ArgumentOutOfRangeException(nameof(state), state, null),
    };

    /// <summary>Parses a stored kind; throws <see cref="FormatException"/> naming the value when unknown.</summary>
    public static HistoryKind ParseKind(string text) => text switch
    {
        "versioned" => HistoryKind.Versioned,
        "repeatable" => HistoryKind.Repeatable,
        "baseline" => HistoryKind.Baseline,
        "marked" => HistoryKind.Marked,
        _ => throw new FormatException($"unknown history kind '{text}'"),
    };

    /// <summary>Parses a stored state; throws <see cref="FormatException"/> naming the value when unknown.</summary>
    public static MigrationState ParseState(string text) => text switch
    {
        "succeeded" => MigrationState.Succeeded,
        "started" => MigrationState.Started,
        _ => throw new FormatException($"unknown history state '{text}'"),
    };

    /// <summary>The <c>detail</c> text of the audit row written for <paramref name="change"/>.</summary>
    public static string AuditDetail(HistoryChange change) => change switch
    {
        HistoryInsert { Detail: { } detail } => detail,
        HistoryInsert insert => $"{ToText(insert.Row.Kind)} {ToText(insert.Row.State)} checksum {insert.Row.Checksum ?? "-"}",
        HistoryDelete => "history row removed",
        HistoryFinish finish => $"started row marked succeeded ({finish.ExecutionMs.ToString(CultureInfo.InvariantCulture)} ms)",
        HistoryChecksumUpdate update => $"checksum {update.OldChecksum} -> {update.NewChecksum}",
        _ => change.GetType().Name,
    };

    /// <summary>The version of the row a change affects, or null for repeatables.</summary>
    public static long? VersionOf(HistoryChange change) => change switch
    {
        HistoryInsert insert => insert.Row.Version,
        HistoryDelete delete => delete.Version,
        HistoryFinish finish => finish.Version,
        HistoryChecksumUpdate update => update.Version,
        _ => null,
    };
}
