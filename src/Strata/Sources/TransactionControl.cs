namespace Strata.Sources;

/// <summary>
/// Transaction control written in a migration section (psql-style files often manage their own transaction), and
/// what Strata does with it so the file runs as <c>psql -v ON_ERROR_STOP=1 -f</c> would run it:
/// <list type="bullet">
/// <item>none: the section runs in one transaction together with its history row (as always);</item>
/// <item>one outer wrapper (<c>BEGIN;</c>/<c>START TRANSACTION;</c>/<c>BEGIN WORK;</c> as the first statement,
/// <c>COMMIT;</c>/<c>END;</c> as the last, nothing else): the wrapper is dropped and the body commits atomically
/// with its history row, as without the wrapper;</item>
/// <item>anything else (several transactions, <c>COMMIT</c> mid-file, <c>ROLLBACK</c>, a <c>BEGIN</c> with
/// options): the section runs as written, statement by statement, recorded as started before and finished after,
/// like a <c>-- strata:no-transaction</c> section.</item>
/// </list>
/// Used by both migration file parsers on the statements of a section without <c>-- strata:no-transaction</c>.
/// </summary>
internal static class TransactionControl
{
    /// <summary>What a statement does to the transaction.</summary>
    public enum Kind
    {
        /// <summary>Not transaction control (SAVEPOINT, RELEASE and ROLLBACK TO work inside Strata's transaction).</summary>
        None,

        /// <summary>A plain <c>BEGIN</c>, <c>BEGIN WORK|TRANSACTION</c> or <c>START TRANSACTION</c>.</summary>
        Begin,

        /// <summary>A plain <c>COMMIT</c> or <c>END</c> (optionally followed by <c>WORK</c> or <c>TRANSACTION</c>).</summary>
        Commit,

        /// <summary>Any other control: ROLLBACK, ABORT, BEGIN or COMMIT with options, PREPARE TRANSACTION, COMMIT PREPARED.</summary>
        Other,
    }

    /// <summary>How a section's statements control the transaction.</summary>
    public enum Shape
    {
        /// <summary>No transaction control.</summary>
        None,

        /// <summary>One outer BEGIN … COMMIT around everything else: dropped.</summary>
        Wrapper,

        /// <summary>Control elsewhere: the section runs as written.</summary>
        Own,
    }

    /// <summary>The shape of a section whose statements are classified in order by <paramref name="kinds"/>.</summary>
    public static Shape ShapeOf(IReadOnlyList<Kind> kinds)
    {
        var controls = kinds.Count(k => k != Kind.None);
        if (controls == 0)
        {
            return Shape.None;
        }

        return controls == 2 && kinds.Count >= 2 && kinds[0] == Kind.Begin && kinds[^1] == Kind.Commit ? Shape.Wrapper : Shape.Own;
    }

    /// <summary>Classifies <paramref name="statement"/> (its text from the first to the last significant token).</summary>
    public static Kind Classify(ReadOnlySpan<char> statement)
    {
        var first = NextWord(ref statement);
        var second = NextWord(ref statement);
        var third = NextWord(ref statement);
        if (Is(first, "BEGIN"))
        {
            return second.IsEmpty || (third.IsEmpty && (Is(second, "WORK") || Is(second, "TRANSACTION"))) ? Kind.Begin : Kind.Other;
        }

        if (Is(first, "START"))
        {
            return !Is(second, "TRANSACTION") ? Kind.None : third.IsEmpty ? Kind.Begin : Kind.Other;
        }

        if (Is(first, "COMMIT") || Is(first, "END"))
        {
            return second.IsEmpty || (third.IsEmpty && (Is(second, "WORK") || Is(second, "TRANSACTION"))) ? Kind.Commit : Kind.Other;
        }

        if (Is(first, "ROLLBACK"))
        {
            return Is(second, "TO") || (Is(second, "WORK") || Is(second, "TRANSACTION")) && Is(third, "TO") ? Kind.None : Kind.Other;
        }

        return Is(first, "ABORT") || (Is(first, "PREPARE") && Is(second, "TRANSACTION")) ? Kind.Other : Kind.None;
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
