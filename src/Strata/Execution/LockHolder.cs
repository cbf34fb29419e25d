namespace Strata.Execution;

/// <summary>Who holds the migration lock, as far as the server can tell.</summary>
/// <param name="ProcessId">The backend process id (PostgreSQL), or null.</param>
/// <param name="ApplicationName">The holder's <c>application_name</c>, or null.</param>
/// <param name="User">The holder's database user, or null.</param>
/// <param name="Since">When the holder's session started its current state, or null.</param>
public sealed record LockHolder(int? ProcessId, string? ApplicationName, string? User, DateTimeOffset? Since)
{
    /// <inheritdoc />
    public override string ToString()
    {
        var parts = new List<string>();
        if (ProcessId is { } pid)
        {
            parts.Add($"pid {pid}");
        }

        if (!string.IsNullOrEmpty(ApplicationName))
        {
            parts.Add($"application_name '{ApplicationName}'");
        }

        if (!string.IsNullOrEmpty(User))
        {
            parts.Add($"user '{User}'");
        }

        return parts.Count == 0 ? "another session (holder not visible to this user)" : string.Join(", ", parts);
    }
}
