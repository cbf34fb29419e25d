namespace Strata.Sources;

/// <summary>
/// The comment lines <c>strata new</c> writes into a new migration (today's and earlier versions'): they do not
/// make a file "written", so an unwritten migration is still refused while a file of the author's own comments is a
/// valid no-op.
/// </summary>
internal static class TemplateComment
{
    /// <summary>True for a comment token (<c>-- …</c>) of the <c>strata new</c> template.</summary>
    public static bool Is(ReadOnlySpan<char> comment)
    {
        var text = comment.TrimEnd();
        return text.StartsWith("--")
            && (text.EndsWith("(run by strata rollback).", StringComparison.Ordinal)
                || text.EndsWith("on the first line for CREATE INDEX CONCURRENTLY.", StringComparison.Ordinal));
    }
}
