using System.Reflection;
using Strata.Packaging.Tests.Api;

namespace Strata.Packaging.Tests;

/// <summary>
/// Each library's public API must equal its committed baseline (<c>api/&lt;Assembly&gt;.txt</c>): an accidental change
/// fails here with a diff; an intended one is accepted by rerunning with <c>STRATA_ACCEPT_API=1</c>, which rewrites
/// the baselines for review and commit (ADR 007).
/// </summary>
public sealed class PublicApiTests
{
    private static bool Accepting => Environment.GetEnvironmentVariable("STRATA_ACCEPT_API") == "1";

    private static string BaselineFolder => Path.Combine(RepositoryRoot.Path, "api");

    public static TheoryData<string> Libraries() => new(RepositoryRoot.Libraries().Select(p => p.Name));

    [Theory]
    [MemberData(nameof(Libraries))]
    public void A_library_public_api_matches_its_baseline(string name)
    {
        var current = PublicApiSurface.Describe(Load(name));
        var path = Path.Combine(BaselineFolder, name + ".txt");
        if (Accepting)
        {
            Directory.CreateDirectory(BaselineFolder);
            File.WriteAllText(path, current);
        }

        File.Exists(path).ShouldBeTrue($"api/{name}.txt is missing: a new library needs a public API baseline. Create it with:\n  {PublicApiSurface.AcceptCommand}\nthen review and commit api/{name}.txt");
        var baseline = File.ReadAllText(path).Replace("\r\n", "\n", StringComparison.Ordinal);
        if (baseline != current)
        {
            var diff = ApiDiff.Describe(baseline, current);
            Assert.Fail($"""
                The public API of {name} differs from api/{name}.txt ('-' lines are gone or changed: they break callers; '+' lines are new):
                {(diff.Length == 0 ? "(only comments or blank lines differ)\n" : diff)}
                If the change is intended, accept it, review the diff of api/{name}.txt and commit it:
                  {PublicApiSurface.AcceptCommand}
                """);
        }

        baseline.ShouldBe(current);
    }

    [Fact]
    public void Every_baseline_belongs_to_a_library_under_src()
    {
        var libraries = RepositoryRoot.Libraries().Select(p => p.Name + ".txt").ToHashSet(StringComparer.Ordinal);
        var stale = Directory.Exists(BaselineFolder)
            ? Directory.GetFiles(BaselineFolder, "*.txt").Select(Path.GetFileName).Where(f => !libraries.Contains(f!)).ToList()
            : [];
        if (Accepting)
        {
            stale.ForEach(f => File.Delete(Path.Combine(BaselineFolder, f!)));
            stale = [];
        }

        stale.ShouldBeEmpty($"these baselines have no library under src: delete them (or run {PublicApiSurface.AcceptCommand})");
    }

    [Fact]
    public void The_engine_and_both_dialects_have_baselines()
    {
        var names = RepositoryRoot.Libraries().Select(p => p.Name).ToList();

        names.ShouldBe(names.Order(StringComparer.Ordinal).ToList());
        names.ShouldContain("Strata");
        names.ShouldContain("Strata.PostgreSql");
        names.ShouldContain("Strata.Sqlite");
        names.ShouldContain("Strata.Testing");
        names.ShouldContain("Strata.Testing.Xunit");
        names.ShouldContain("Strata.Schema");
    }

    private static Assembly Load(string name)
    {
        try
        {
            return Assembly.Load(new AssemblyName(name));
        }
        catch (FileNotFoundException ex)
        {
            throw new InvalidOperationException($"{name}.dll is not beside the tests: tests/Strata.Packaging.Tests references every src/*/*.csproj except the CLI; rebuild it", ex);
        }
    }
}
