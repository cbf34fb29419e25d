namespace Strata.Sources;

/// <summary>A migration file's text after <see cref="ScriptDecoder"/>: canonical (no BOM, LF line ends) and its checksum.</summary>
/// <param name="Text">The canonical text.</param>
/// <param name="Checksum">Lower-case hex SHA-256 of <paramref name="Text"/>'s UTF-8 bytes (see <c>Strata.Sql.Checksum</c>).</param>
public sealed record DecodedScript(string Text, string Checksum);
