using System.Globalization;
using Strata.Errors;

namespace Strata.Schema;

/// <summary>
/// A push sends all its changes in one batch, so the server's error alone says which statement failed, not which
/// change: this names the change (its number and summary) from the failing line of the push script.
/// </summary>
internal static class PushFailure
{
    /// <summary>Runs <paramref name="apply"/>; a <see cref="MigrationFailedException"/> comes back naming the change at its line of <paramref name="diff"/>'s script.</summary>
    public static async Task NameChangeAsync(SchemaDiff diff, Func<Task> apply)
    {
        try
        {
            await apply().ConfigureAwait(false);
        }
        catch (MigrationFailedException e) when (diff.IndexOfChangeAtLine(e.Location.Line) is var index and >= 0)
        {
            var change = diff.Changes[index];
            var name = string.Create(CultureInfo.InvariantCulture, $"{e.Migration} (change {index + 1} of {diff.Changes.Count}: {change.Summary})");
            throw new MigrationFailedException(
                name,
                e.Location,
                e.SqlState,
                e.ServerMessage,
                e.Outcome,
                e.Hint ?? $"the line numbers are those of the script `strata push --dry-run` prints; change the schema file or the database so that {change.Summary} can run, then push again",
                e.InnerException ?? e);
        }
    }
}
