using Strata.Schema;

namespace Strata.Tests.Schema;

/// <summary>The key the kept scratch database is reused by (ADR 024): it changes with any file's text, and only with that.</summary>
public sealed class SchemaFilesContentKeyTests
{
    [Fact]
    public void The_content_key_is_the_same_for_the_same_text_and_changes_when_any_file_or_their_order_changes()
    {
        var key = Files(("a.sql", "CREATE TABLE a (id int);"), ("b.sql", "CREATE TABLE b (id int);")).ContentKey;

        Files(("elsewhere/a.sql", "CREATE TABLE a (id int);"), ("elsewhere/b.sql", "CREATE TABLE b (id int);")).ContentKey.ShouldBe(key, "where the files are does not change what they give");
        Files(("a.sql", "CREATE TABLE a (id int);"), ("b.sql", "CREATE TABLE b (id bigint);")).ContentKey.ShouldNotBe(key);
        Files(("b.sql", "CREATE TABLE b (id int);"), ("a.sql", "CREATE TABLE a (id int);")).ContentKey.ShouldNotBe(key);
        Files(("a.sql", "CREATE TABLE a (id int);CREATE TABLE b (id int);")).ContentKey.ShouldNotBe(key, "file boundaries count (each file is its own script)");
    }

    private static SchemaFiles Files(params (string Path, string Text)[] files) => new([.. files.Select(f => new SchemaFile(f.Path, f.Path, f.Text))]);
}
