using System.Text;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>A throw-away migrations folder for one test.</summary>
internal sealed class TempMigrationFolder : IDisposable
{
    public TempMigrationFolder(string? parent = null)
    {
        Path = System.IO.Path.Combine(parent ?? System.IO.Path.GetTempPath(), "strata-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>How the loader shows a file of this folder (absolute, forward slashes, when outside the working directory).</summary>
    public string Shown(string name) => System.IO.Path.Combine(Path, name).Replace('\\', '/');

    public TempMigrationFolder Write(string name, string text) => WriteBytes(name, Encoding.UTF8.GetBytes(text));

    public TempMigrationFolder WriteBytes(string name, byte[] bytes)
    {
        File.WriteAllBytes(System.IO.Path.Combine(Path, name), bytes);
        return this;
    }

    public TempMigrationFolder Folder(string name)
    {
        Directory.CreateDirectory(System.IO.Path.Combine(Path, name));
        return this;
    }

    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect = Dialect.PostgreSql) =>
        new DirectoryMigrationSource(Path).LoadAsync(dialect, CancellationToken.None);

    public async Task<IReadOnlyList<Problem>> ProblemsAsync(Dialect dialect = Dialect.PostgreSql)
    {
        var error = await Should.ThrowAsync<MigrationSourceException>(() => LoadAsync(dialect));
        error.Category.ShouldBe(ErrorCategory.BadInput);
        error.Message.ShouldContain($"{error.Problems.Count} problem");
        return error.Problems;
    }

    public async Task<Problem> SingleProblemAsync(Dialect dialect = Dialect.PostgreSql) =>
        (await ProblemsAsync(dialect)).ShouldHaveSingleItem();

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
