using System.Text;
using Strata.Sources;

namespace Strata.Tests.Sources;

/// <summary>
/// Migration files are read once, in one open: the size and (for files held in memory) the bytes come from the same
/// read. On 64-bit Linux the C library's open/lseek/pread/close do it (four system calls, no stat and no advisory
/// lock); it must give exactly what the managed path gives.
/// </summary>
public sealed class MigrationFileReaderTests
{
    [Fact]
    public void On_64_bit_linux_files_are_read_through_the_c_library()
    {
        using var folder = new TempMigrationFolder().Write("1_a.sql", "SELECT 1;\n");

        var read = NativeFileReader.TryRead(Path.Combine(folder.Path, "1_a.sql"), 100, out var content);

        read.ShouldBe(OperatingSystem.IsLinux() && Environment.Is64BitProcess);
        if (read)
        {
            Encoding.UTF8.GetString(content.Bytes).ShouldBe("SELECT 1;\n");
            content.Length.ShouldBe(10);
        }
    }

    [Theory]
    [InlineData(0, 100)]
    [InlineData(10, 100)]
    [InlineData(100, 100)]
    [InlineData(101, 100)]
    [InlineData(70_000, 1_000_000)]
    [InlineData(70_000, 0)]
    public void Both_paths_read_the_same_size_and_bytes_and_leave_files_above_the_limit_unread(int size, long limit)
    {
        var bytes = new byte[size];
        new Random(size).NextBytes(bytes);
        using var folder = new TempMigrationFolder().WriteBytes("1_a.sql", bytes);
        var path = Path.Combine(folder.Path, "1_a.sql");

        var managed = MigrationFileReader.ReadManaged(path, limit);
        var chosen = MigrationFileReader.Read(path, limit);

        foreach (var content in new[] { managed, chosen })
        {
            content.Length.ShouldBe(size);
            (content.Buffer is null).ShouldBe(size > limit);
            content.Bytes.ToArray().ShouldBe(size > limit ? [] : bytes);
        }
    }

    [Fact]
    public void A_symbolic_link_is_read_as_its_target()
    {
        using var folder = new TempMigrationFolder().Write("target.txt", "SELECT 2;\n");
        var link = Path.Combine(folder.Path, "1_linked.sql");
        File.CreateSymbolicLink(link, Path.Combine(folder.Path, "target.txt"));

        var content = MigrationFileReader.Read(link, 100);

        Encoding.UTF8.GetString(content.Bytes).ShouldBe("SELECT 2;\n");
    }

    [Fact]
    public void A_missing_file_raises_the_managed_apis_exception()
    {
        using var folder = new TempMigrationFolder();
        var path = Path.Combine(folder.Path, "1_gone.sql");

        NativeFileReader.TryRead(path, 100, out _).ShouldBeFalse();
        Should.Throw<FileNotFoundException>(() => MigrationFileReader.Read(path, 100)).Message.ShouldContain("1_gone.sql");
    }

    [Fact]
    public async Task A_folder_listing_reads_every_file_once_and_keeps_sizes_for_the_limits()
    {
        using var folder = new TempMigrationFolder()
            .Write("1_small.sql", "SELECT 1;\n")
            .Write("2_large.sql", "SELECT 2;\n" + new string('-', 200))
            .Folder("3_folder");

        var problems = await Should.ThrowAsync<Strata.Errors.MigrationSourceException>(
            () => new DirectoryMigrationSource(folder.Path) { MaxFileSize = 100 }.LoadAsync(Dialect.PostgreSql, CancellationToken.None));

        problems.Problems.Select(p => p.ToString()).ShouldBe(
        [
            $"{folder.Shown("2_large.sql")}: the file is 210 bytes, more than the maximum file size of 100 bytes; split it into smaller migrations, or raise the limit (--max-file-size, or MaxFileSize of the migration source)",
            $"{folder.Shown("3_folder")}: is a folder named like a migration; migrations are files directly in the migrations folder (subfolders are not read)",
        ], ignoreOrder: true);
    }
}
