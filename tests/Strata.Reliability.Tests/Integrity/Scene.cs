using System.Text;
using Strata.TestSupport;

namespace Strata.Reliability.Tests.Integrity;

/// <summary>
/// One scenario's world: a working folder with <c>migrations/</c>, a fresh database (PostgreSQL or SQLite), and
/// the built <c>strata</c> CLI run there as a real OS process with DATABASE_URL pointing at that database.
/// Disposing drops the database and deletes the folder.
/// </summary>
internal sealed class Scene : IAsyncDisposable
{
    /// <summary>How long one strata run may take before the test fails (generous: the machine is shared).</summary>
    public static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _folder;

    private Scene(TempDirectory folder, SceneDatabase database)
    {
        _folder = folder;
        Database = database;
        Directory.CreateDirectory(Migrations);
    }

    /// <summary>The working folder strata runs in.</summary>
    public string Root => _folder.Path;

    /// <summary>The <c>migrations/</c> folder.</summary>
    public string Migrations => Path.Combine(Root, "migrations");

    /// <summary>The scene's database.</summary>
    public SceneDatabase Database { get; }

    /// <summary>The engine the scene runs on.</summary>
    public Engine Engine => Database.Engine;

    public static async Task<Scene> CreateAsync(Engine engine)
    {
        var folder = new TempDirectory();
        try
        {
            return new Scene(folder, await SceneDatabase.CreateAsync(engine, folder.Path));
        }
        catch
        {
            folder.Dispose();
            throw;
        }
    }

    /// <summary>Writes a migration file as UTF-8 without BOM, exactly as given; returns its full path.</summary>
    public string Write(string file, string text) => WriteBytes(file, new UTF8Encoding(false).GetBytes(text));

    /// <summary>Writes a migration file's exact bytes; returns its full path.</summary>
    public string WriteBytes(string file, byte[] bytes) => _folder.WriteBytes(Path.Combine("migrations", file), bytes);

    /// <summary>The exact bytes of a migration file.</summary>
    public byte[] Read(string file) => File.ReadAllBytes(Path.Combine(Migrations, file));

    /// <summary>Deletes a migration file.</summary>
    public void Delete(string file) => File.Delete(Path.Combine(Migrations, file));

    /// <summary>Renames a migration file.</summary>
    public void Rename(string from, string to) => File.Move(Path.Combine(Migrations, from), Path.Combine(Migrations, to));

    /// <summary>Writes a file at the root of the working folder (strata.json, …).</summary>
    public string WriteRootFile(string file, string text) => _folder.WriteFile(file, text);

    /// <summary>The environment of a strata run: DATABASE_URL of this scene's database.</summary>
    public Dictionary<string, string> Variables() => new(StringComparer.Ordinal) { ["DATABASE_URL"] = Database.Url };

    /// <summary>Runs <c>strata args…</c> as a process with DATABASE_URL set to this scene's database.</summary>
    public Task<CliResult> RunAsync(params string[] args) => RunWithAsync(Variables(), args);

    /// <summary>Runs <c>strata args…</c> as a process with exactly <paramref name="variables"/> as its database settings.</summary>
    public Task<CliResult> RunWithAsync(IReadOnlyDictionary<string, string> variables, params string[] args) =>
        StrataProcess.RunAsync(Root, variables, RunTimeout, args);

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Database.DisposeAsync();
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            _folder.Dispose();
        }
    }
}
