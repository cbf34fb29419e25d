namespace Strata.Cli.Tests;

/// <summary>A temp folder holding a migrations folder; deleted afterwards.</summary>
public sealed class Workspace : IDisposable
{
    public Workspace()
    {
        Root = Directory.CreateTempSubdirectory("strata-cli-").FullName;
        Directory.CreateDirectory(Migrations);
    }

    public string Root { get; }

    public string Migrations => Path.Combine(Root, "migrations");

    public string Database => "sqlite:" + Path.Combine(Root, "app.db");

    public Cli Cli() => new Cli(Root).With("DATABASE_URL", Database);

    public Workspace Write(string file, string text)
    {
        File.WriteAllText(Path.Combine(Migrations, file), text);
        return this;
    }

    public Workspace WriteBytes(string file, byte[] bytes)
    {
        File.WriteAllBytes(Path.Combine(Migrations, file), bytes);
        return this;
    }

    /// <summary>Copies a sample's migrations folder (from samples/ in the repository).</summary>
    public Workspace CopySample(string sample)
    {
        foreach (var file in Directory.GetFiles(Path.Combine(RepositoryRoot(), "samples", sample, "migrations")))
        {
            File.Copy(file, Path.Combine(Migrations, Path.GetFileName(file)));
        }

        return this;
    }

    public static string RepositoryRoot() => Strata.TestSupport.RepositoryPaths.Root();

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(Root, recursive: true);
    }
}
