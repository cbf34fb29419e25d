namespace Strata.Schema;

/// <summary>One file of the desired schema.</summary>
/// <param name="Path">Where it is read from.</param>
/// <param name="Display">How messages name it (e.g. relative to the working directory).</param>
/// <param name="Text">Its SQL.</param>
public sealed record SchemaFile(string Path, string Display, string Text);
