namespace Strata.Sql;

/// <summary>
/// Sees every token a <see cref="StatementStream"/> reads, once each and in text order (comments and whitespace
/// included), before the stream uses it. The streamed migration file parser implements it to apply directives.
/// </summary>
internal interface IStatementTokenObserver
{
    /// <summary>
    /// Called for <paramref name="token"/>, whose positions index <see cref="StatementStream.Buffer"/>. May call
    /// <see cref="StatementStream.PositionAt"/> for the token's start and <see cref="StatementStream.EndSection"/>.
    /// </summary>
    void OnToken(StatementStream stream, SqlToken token);
}
