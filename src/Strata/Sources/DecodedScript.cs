namespace Strata.Sources;

/// <summary>A migration file's text after <see cref="ScriptDecoder"/>.</summary>
/// <param name="Text">The canonical text (no BOM, LF line ends): what the parser reads and the checksum hashes.</param>
/// <param name="Checksum">Lower-case hex SHA-256 of <paramref name="Text"/>'s UTF-8 bytes (see <c>Strata.Sql.Checksum</c>).</param>
/// <param name="Original">
/// The text as written (no BOM, line ends untouched): what is sent to the database, so a string literal or function
/// body spanning a CRLF line break is stored exactly as <c>psql -f</c> would store it. Same lines as
/// <paramref name="Text"/>.
/// </param>
public sealed record DecodedScript(string Text, string Checksum, string Original);
