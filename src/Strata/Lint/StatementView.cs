using Strata.Sql;

namespace Strata.Lint;

/// <summary>
/// A statement as the rules read it: its significant tokens (no whitespace or comments), words upper-cased,
/// identifiers unquoted, each with its parenthesis depth. Built from our own lexer, so strings, dollar quotes and
/// comments never look like keywords.
/// </summary>
internal sealed class StatementView
{
    private StatementView(SqlStatement statement, IReadOnlyList<Word> words)
    {
        Statement = statement;
        Words = words;
    }

    /// <summary>The statement as split from the script.</summary>
    public SqlStatement Statement { get; }

    /// <summary>The significant tokens.</summary>
    public IReadOnlyList<Word> Words { get; }

    /// <summary>The statement's whole text as written (without its semicolon), for findings.</summary>
    public string FullText => Statement.Text.Trim();

    public static StatementView Of(SqlStatement statement, Dialect dialect)
    {
        var text = statement.Text;
        var words = new List<Word>();
        var depth = 0;
        foreach (var token in SqlLexer.Tokenize(text, dialect))
        {
            if (token.IsTrivia)
            {
                continue;
            }

            var raw = text.Substring(token.Start, token.Length);
            if (token.Kind == SqlTokenKind.CloseParen)
            {
                depth--;
            }

            words.Add(new Word(token.Kind, Normalise(token.Kind, raw), raw, depth, token.Start));
            if (token.Kind == SqlTokenKind.OpenParen)
            {
                depth++;
            }
        }

        return new StatementView(statement, words);
    }

    /// <summary>True when the words from <paramref name="at"/> are <paramref name="sequence"/> (upper-case keywords).</summary>
    public bool Is(int at, params string[] sequence)
    {
        if (at < 0 || at + sequence.Length > Words.Count)
        {
            return false;
        }

        for (var i = 0; i < sequence.Length; i++)
        {
            if (!Words[at + i].IsKeyword(sequence[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The index of the first top-level (depth 0) occurrence of <paramref name="sequence"/> in [from, to), or -1.</summary>
    public int Find(int from, int to, params string[] sequence)
    {
        for (var i = from; i < to; i++)
        {
            if (Words[i].Depth == 0 && Is(i, sequence))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>True when any word in [from, to), at any depth, is the keyword <paramref name="keyword"/>.</summary>
    public bool Contains(int from, int to, string keyword)
    {
        for (var i = from; i < to; i++)
        {
            if (Words[i].IsKeyword(keyword))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Skips the optional keyword sequences at <paramref name="at"/> (e.g. IF EXISTS, ONLY) and returns the new position.</summary>
    public int Skip(int at, params string[][] optional)
    {
        var moved = true;
        while (moved)
        {
            moved = false;
            foreach (var sequence in optional)
            {
                if (Is(at, sequence))
                {
                    at += sequence.Length;
                    moved = true;
                }
            }
        }

        return at;
    }

    /// <summary>
    /// Reads a possibly qualified name (<c>a.b</c>, <c>"A"."b"</c>) at <paramref name="at"/>: the last part, lower-cased
    /// unless quoted, and the position after it. Null when there is no name there.
    /// </summary>
    public (string Name, int Next)? Name(int at)
    {
        string? name = null;
        while (at < Words.Count && Words[at].Kind is SqlTokenKind.Word or SqlTokenKind.QuotedIdentifier)
        {
            name = Words[at].Identifier;
            at++;
            if (at < Words.Count && Words[at].Raw == "." && at + 1 < Words.Count)
            {
                at++;
                continue;
            }

            break;
        }

        return name is null ? null : (name, at);
    }

    /// <summary>The statement text of the words [from, to) as written, on one line, at most 60 characters.</summary>
    public string Text(int from, int to)
    {
        if (from >= to || from < 0 || to > Words.Count)
        {
            return "";
        }

        var last = Words[to - 1];
        var text = string.Join(' ', Statement.Text[Words[from].Start..(last.Start + last.Raw.Length)].Split((char[])['\r', '\n', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        return text.Length > 60 ? text[..57] + "..." : text;
    }

    /// <summary>Splits [from, to) at top-level commas: the actions of an ALTER TABLE.</summary>
    public IEnumerable<(int Start, int End)> TopLevelParts(int from, int to)
    {
        var start = from;
        for (var i = from; i < to; i++)
        {
            if (Words[i].Depth == 0 && Words[i].Kind == SqlTokenKind.Comma)
            {
                yield return (start, i);
                start = i + 1;
            }
        }

        yield return (start, to);
    }

    private static string Normalise(SqlTokenKind kind, string raw) => kind switch
    {
        SqlTokenKind.Word => raw.ToUpperInvariant(),
        _ => raw,
    };
}
