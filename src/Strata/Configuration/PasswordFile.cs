using System.Globalization;
using System.Text;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Reads the password of <c>--password-file</c> (R22): the whole file as UTF-8, less one trailing line end
/// (<c>\n</c> or <c>\r\n</c>), otherwise verbatim (<c>$</c> and <c>${x}</c> are not expanded). Called by the
/// resolver once per run. A missing, unreadable or empty file is a <see cref="ConfigurationException"/> naming the
/// path; a file others may access (mode wider than 0600) draws a warning. Nothing here ever quotes the contents.
/// </summary>
internal static class PasswordFile
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>The password in <paramref name="path"/> (relative to <paramref name="workingDirectory"/>); adds a warning for loose permissions.</summary>
    public static string Read(string path, string workingDirectory, List<string> warnings)
    {
        var full = Path.GetFullPath(Path.Combine(workingDirectory, path));
        if (Directory.Exists(full))
        {
            throw Problem(full, "is a folder, not a file");
        }

        if (!File.Exists(full))
        {
            throw Problem(full, "does not exist");
        }

        string text;
        try
        {
            text = File.ReadAllText(full, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or DecoderFallbackException)
        {
            throw Problem(full, e is DecoderFallbackException ? "is not UTF-8 text" : "cannot be read (" + e.GetType().Name + ")");
        }

        var password = TrimOneLineEnd(text.TrimStart('\uFEFF'));
        if (password.Length == 0)
        {
            throw Problem(full, "is empty");
        }

        if (password.StartsWith('\n') || password.EndsWith('\n'))
        {
            // Connection strings cannot carry a line feed at either end of a value: refuse rather than change it.
            throw Problem(full, "has a line break before or after the password (only one at the end is ignored)");
        }

        if (LooseMode(full) is { } mode)
        {
            warnings.Add($"the password file {full} can be read or changed by other users (mode {mode}, wider than 0600): "
                + $"restrict it with chmod 600 {full}");
        }

        return password;
    }

    /// <summary>The octal mode when it grants more than owner read/write, else null (also on Windows).</summary>
    private static string? LooseMode(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            return null;
        }

        var mode = File.GetUnixFileMode(path);
        return (mode & ~OwnerOnly & (UnixFileMode)0x1FF) == 0
            ? null
            : "0" + Convert.ToString((int)mode & 0x1FF, 8).PadLeft(3, '0').ToString(CultureInfo.InvariantCulture);
    }

    private static string TrimOneLineEnd(string text) =>
        text.EndsWith("\r\n", StringComparison.Ordinal) ? text[..^2]
        : text.EndsWith('\n') ? text[..^1]
        : text;

    private static ConfigurationException Problem(string path, string what) =>
        new($"the password file {path} (from --password-file) {what}",
            "put the password alone in the file (one trailing newline is ignored), make it readable only by you "
            + "(chmod 600), and pass its path with --password-file");
}
