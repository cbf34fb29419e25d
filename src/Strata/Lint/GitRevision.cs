using System.Diagnostics;
using Strata.Errors;

namespace Strata.Lint;

/// <summary>
/// The previous release as a git revision names it, for <c>strata lint --since &lt;ref&gt;</c>: the migration files
/// the folder held at that revision. Files added since then form the release being checked.
/// </summary>
public static class GitRevision
{
    /// <summary>
    /// The names of the files directly in <paramref name="folder"/> at <paramref name="revision"/> (a branch, tag or
    /// commit). Throws <see cref="ConfigurationException"/> when git is missing, the folder is not in a git
    /// repository, or the revision is unknown.
    /// </summary>
    public static async Task<IReadOnlySet<string>> FilesAtAsync(string folder, string revision, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        ArgumentException.ThrowIfNullOrWhiteSpace(revision);
        var info = new ProcessStartInfo("git")
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "ls-tree", "--name-only", revision, "--", "." })
        {
            info.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(info) ?? throw new InvalidOperationException("git did not start");
        }
        catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            throw new ConfigurationException($"--since {revision} needs git, which could not be started: {e.Message}", "install git, or leave out --since");
        }

        using (process)
        {
            var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
            if (process.ExitCode != 0)
            {
                throw new ConfigurationException(
                    $"--since {revision}: git cannot list the migrations folder at that revision: {(await error.ConfigureAwait(false)).Trim()}",
                    "name a branch, tag or commit of the repository holding the migrations folder (e.g. --since origin/main)");
            }

            return (await output.ConfigureAwait(false)).Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                .Select(line => Path.GetFileName(line.Trim('"')))
                .ToHashSet(StringComparer.Ordinal);
        }
    }
}
