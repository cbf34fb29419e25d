namespace Strata.Schema;

/// <summary>Where and how <see cref="SchemaWorkspace.GenerateAsync"/> writes the next migration (<c>strata generate</c>'s options).</summary>
public sealed record GenerateOptions
{
    /// <summary>The migrations folder the migration is written into (created when missing).</summary>
    public required string Folder { get; init; }

    /// <summary>What the migration does, as the user wrote it; made a slug by <see cref="Sources.MigrationFolder.Slug"/> (bad input when it has no letter or digit).</summary>
    public required string Slug { get; init; }

    /// <summary>Number it max+1 instead of a UTC timestamp (<c>--sequential</c>); automatic when the folder is already sequential.</summary>
    public bool Sequential { get; init; }

    /// <summary>Write the undo in a file of its own (<c>--pair</c>); neither this nor <see cref="OneFile"/>: the folder's convention (<see cref="Sources.MigrationFileShape.Detect"/>).</summary>
    public bool Pair { get; init; }

    /// <summary>Write one file with a <c>-- strata:down</c> section (<c>--single</c>); with <see cref="Pair"/> it is bad input when a file is about to be written.</summary>
    public bool OneFile { get; init; }

    /// <summary>The version to write; null for the folder's next (<see cref="Sources.MigrationFolder.NextVersion"/>). A second, concurrent-index migration takes the one after.</summary>
    public string? Version { get; init; }

    /// <summary>Where a timestamp version's time comes from.</summary>
    public TimeProvider Clock { get; init; } = TimeProvider.System;
}
