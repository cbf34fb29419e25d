using Strata.Codegen.Tests.Support;

namespace Strata.Codegen.Tests;

/// <summary>Comparing generated output with the files on disk, and writing only what differs.</summary>
public sealed class FilesTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("strata-codegen-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public async Task Writing_touches_only_files_that_differ_and_line_ends_do_not_count()
    {
        var output = CodeGenerator.Generate(Schemas.Shop(), new CodegenOptions { CSharp = new CSharpOptions(), TypeScript = new TypeScriptOptions() });
        (await CodegenFiles.WriteAsync(output, _root, CancellationToken.None)).ShouldAllBe(c => c.Kind == FileChangeKind.Created);
        var ts = Path.Combine(_root, "db.ts");
        File.WriteAllText(ts, File.ReadAllText(ts).Replace("\n", "\r\n", StringComparison.Ordinal));
        var stamp = new DateTime(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(ts, stamp);

        CodegenFiles.Compare(output, _root).ShouldBeEmpty();
        (await CodegenFiles.WriteAsync(output, _root, CancellationToken.None)).ShouldBeEmpty();
        File.GetLastWriteTimeUtc(ts).ShouldBe(stamp);
    }

    [Fact]
    public async Task A_generated_file_no_longer_produced_is_stale_and_deleted_but_a_file_of_the_user_is_kept()
    {
        var options = new CodegenOptions { CSharp = new CSharpOptions { Files = FileLayout.PerTable } };
        await CodegenFiles.WriteAsync(CodeGenerator.Generate(Schemas.Shop(), options), _root, CancellationToken.None);
        var mine = Path.Combine(_root, "Generated", "Public", "Orders.Extra.g.cs");
        File.WriteAllText(mine, "// my own file, not generated\n");
        var fewer = CodeGenerator.Generate(Schemas.Shop(), options with { Exclude = ["users"] });

        var changes = CodegenFiles.Compare(fewer, _root);
        changes.ShouldContain(new FileChange("Generated/Public/Users.g.cs", FileChangeKind.Deleted));
        changes.ShouldAllBe(c => !c.Path.EndsWith("Extra.g.cs", StringComparison.Ordinal));
        await CodegenFiles.WriteAsync(fewer, _root, CancellationToken.None);
        File.Exists(Path.Combine(_root, "Generated", "Public", "Users.g.cs")).ShouldBeFalse();
        File.Exists(mine).ShouldBeTrue();
    }
}
