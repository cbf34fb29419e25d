namespace Strata.Sources;

/// <summary>
/// Finds BEGIN/COMMIT/ROLLBACK in a transactional section: they would commit part of the migration early and write
/// the history row outside its transaction (psql-style files often wrap themselves in BEGIN; … COMMIT;). Used by
/// both migration file parsers on each statement of a section without <c>-- strata:no-transaction</c>.
/// </summary>
internal static class TransactionControl
{
    /// <summary>The problem message when <paramref name="statement"/> controls the transaction, otherwise null.</summary>
    public static string? Problem(ReadOnlySpan<char> statement)
    {
        var first = NextWord(ref statement);
        var second = NextWord(ref statement);
        var control = Is(first, "BEGIN") || Is(first, "COMMIT") || Is(first, "END") || Is(first, "ABORT") || Is(first, "START")
            || (Is(first, "ROLLBACK") && !Is(second, "TO"));
        if (!control || (Is(first, "START") && !Is(second, "TRANSACTION")))
        {
            return null;
        }

        var word = first.ToString().ToUpperInvariant();
        return $"{word} controls the transaction, but Strata already runs this migration in one transaction together with its history row, "
            + $"so {word} would commit or abandon part of it; remove the transaction statements, or put -- strata:no-transaction on the first line";
    }

    private static bool Is(ReadOnlySpan<char> word, string keyword) => word.Equals(keyword, StringComparison.OrdinalIgnoreCase);

    /// <summary>The next run of characters other than space, tab, CR, LF and semicolon; moves <paramref name="rest"/> past it.</summary>
    private static ReadOnlySpan<char> NextWord(ref ReadOnlySpan<char> rest)
    {
        var start = rest.IndexOfAnyExcept(" \t\r\n;");
        if (start < 0)
        {
            rest = [];
            return [];
        }

        rest = rest[start..];
        var end = rest.IndexOfAny(" \t\r\n;");
        var word = end < 0 ? rest : rest[..end];
        rest = end < 0 ? [] : rest[end..];
        return word;
    }
}
