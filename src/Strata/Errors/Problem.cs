namespace Strata.Errors;

/// <summary>One thing wrong with the input: where it is and what is wrong.</summary>
/// <param name="Location">A path, <c>path:line</c>, a version or an object name.</param>
/// <param name="Message">What is wrong and, where useful, how to fix it.</param>
public sealed record Problem(string Location, string Message)
{
    /// <inheritdoc />
    public override string ToString() => $"{Location}: {Message}";
}
