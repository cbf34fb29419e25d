namespace Strata.Configuration;

/// <summary>
/// What a dialect's <see cref="IConnectionSyntax"/> claims and how hints name it. The engine joins the forms of every
/// dialect in a <see cref="DialectSet"/> into its hints ("use postgres://…, an Npgsql keyword string (…), or
/// sqlite:path/to/app.db; percent-encode …").
/// </summary>
/// <param name="Prefixes">Case-insensitive prefixes a value of this dialect starts with: <c>postgres://</c>, <c>sqlite:</c>.</param>
/// <param name="Examples">The forms shown in hints, in order: <c>postgres://user:password@host:5432/database</c>.</param>
/// <param name="BareForm">The name of the bare form <see cref="IConnectionSyntax.Claims"/> accepts: "a SQLite file path".</param>
/// <param name="Advice">Advice appended to hints after the examples, or null.</param>
public sealed record ConnectionForms(IReadOnlyList<string> Prefixes, IReadOnlyList<string> Examples, string BareForm, string? Advice);
