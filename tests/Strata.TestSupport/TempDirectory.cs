using System.Security.Cryptography;

namespace Strata.TestSupport;

/// <summary>A folder under the system temp folder for one test (migration files, config); deleted on dispose.</summary>
public sealed class TempDirectory : IDisposable
{
    /// <summary>Creates an empty, uniquely named folder.</summary>
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "strata-test-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)));
        Directory.CreateDirectory(Path);
    }

    /// <summary>The folder's full path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="text"/> (UTF-8, no BOM, exactly as given) to a file under the folder, creating sub-folders.</summary>
    public string WriteFile(string relativePath, string text) => WriteBytes(relativePath, new System.Text.UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes raw bytes to a file under the folder, creating sub-folders; returns the full path.</summary>
    public string WriteBytes(string relativePath, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, relativePath);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
        return full;
    }

    /// <summary>Deletes the folder and everything in it.</summary>
    public void Dispose()
    {
        if (Directory.Exists(Path))
        {
            Directory.Delete(Path, recursive: true);
        }
    }
}
