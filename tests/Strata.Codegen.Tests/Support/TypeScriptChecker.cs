namespace Strata.Codegen.Tests.Support;

/// <summary>
/// Type-checks generated TypeScript with <c>tsc --strict</c> against Kysely. The npm packages (pinned below) are
/// installed once per machine into a cache folder (<c>~/.cache/strata-tests/</c>, or <c>STRATA_TEST_NODE_CACHE</c>),
/// under a file lock so parallel test processes install them once. Without node and npm the test fails saying how to
/// get them (test.sh installs the Debian packages): it never skips.
/// </summary>
internal static class TypeScriptChecker
{
    private const string Packages = "typescript@7.0.2 kysely@0.29.9 @types/node@20.19.43";

    private static readonly SemaphoreSlim Gate = new(1, 1);

    /// <summary>Writes <paramref name="files"/> to a fresh folder beside the cached packages and runs tsc on them; returns tsc's output, or fails the test with it.</summary>
    public static async Task<string> CheckAsync(IReadOnlyDictionary<string, string> files)
    {
        var cache = await EnsurePackagesAsync();
        var work = Path.Combine(cache, "work", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(work);
        try
        {
            foreach (var (name, text) in files)
            {
                await File.WriteAllTextAsync(Path.Combine(work, name), text);
            }

            var tsc = Path.Combine(cache, "node_modules", ".bin", "tsc");
            string[] arguments = ["--strict", "--noEmit", "--target", "es2022", "--module", "nodenext", "--moduleResolution", "nodenext", "--types", "node", .. files.Keys.Where(k => k.EndsWith(".ts", StringComparison.Ordinal))];
            var result = await Tool.RunAsync(tsc, arguments, work, TimeSpan.FromMinutes(3));
            if (result.ExitCode != 0)
            {
                Assert.Fail($"tsc --strict failed (exit {result.ExitCode}):\n{result.Output}");
            }

            return result.Output;
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static async Task<string> EnsurePackagesAsync()
    {
        var root = Environment.GetEnvironmentVariable("STRATA_TEST_NODE_CACHE")
            ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "strata-tests");
        var cache = Path.Combine(root, "node-" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(Packages)))[..12]);
        var done = Path.Combine(cache, "installed");
        if (File.Exists(done))
        {
            return cache;
        }

        await Gate.WaitAsync();
        try
        {
            Directory.CreateDirectory(cache);
            await using var fileLock = await LockAsync(Path.Combine(cache, "install.lock"));
            if (!File.Exists(done))
            {
                var npm = Which("npm") ?? throw new InvalidOperationException(
                    "node and npm are needed to type-check generated TypeScript: install the Debian packages nodejs and npm (./test.sh does when it runs as root)");
                var result = await Tool.RunAsync(npm, ["install", "--no-audit", "--no-fund", "--no-save", "--prefix", cache, .. Packages.Split(' ')], cache, TimeSpan.FromMinutes(5));
                if (result.ExitCode != 0)
                {
                    throw new InvalidOperationException($"npm install {Packages} failed (exit {result.ExitCode}): {result.Output}");
                }

                await File.WriteAllTextAsync(done, Packages);
            }

            return cache;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<FileStream> LockAsync(string path)
    {
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 600)
            {
                await Task.Delay(500);
            }
        }
    }

    private static string? Which(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);
}
