namespace Strata.Sources;

/// <summary>A migration file that was found, read and parsed (the last two are null when that step failed).</summary>
/// <param name="Name">The parsed file name.</param>
/// <param name="Path">The path shown to users.</param>
/// <param name="Checksum">The checksum of the decoded text, or null when the bytes were refused.</param>
/// <param name="Parsed">The sections and directives, or null when decoding or parsing failed.</param>
internal sealed record LoadedFile(MigrationFileName Name, string Path, string? Checksum, ParsedMigrationFile? Parsed)
{
    /// <summary>The sections as read even when the file has problems (null when it could not be read or decoded): only lint uses them.</summary>
    public ParsedMigrationFile? Readable { get; init; }
}
