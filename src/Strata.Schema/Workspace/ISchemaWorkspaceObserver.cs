namespace Strata.Schema;

/// <summary>What a <see cref="SchemaWorkspace"/> tells its caller besides its results (the CLI prints these on stderr).</summary>
public interface ISchemaWorkspaceObserver
{
    /// <summary>Something worth knowing, e.g. that an SQLite file does not exist yet and was compared as empty.</summary>
    /// <param name="text">Plain text.</param>
    void Note(string text);

    /// <summary>Something that went wrong without failing the work, e.g. a dev database that could not be emptied.</summary>
    /// <param name="text">Plain text.</param>
    void Warning(string text);

    /// <summary>The workspace was disposed (its scratch database released): where the time went.</summary>
    /// <param name="timings">Each step's total time.</param>
    void Finished(SchemaTimings timings);
}
