namespace Strata.Studio;

/// <summary>A request the studio refuses with a message for the page (an unknown table, a malformed body).</summary>
internal sealed class StudioRequestException(string message, int status = 400) : Exception(message)
{
    public int Status { get; } = status;
}
