using Strata.Schema;

namespace Strata.Tests.Schema;

/// <summary>A failure at a line of a diff's script is traced back to its change (push names the change that failed).</summary>
public sealed class SchemaDiffLineTests
{
    [Fact]
    public void Each_line_of_the_script_maps_to_the_change_that_wrote_it_past_the_preamble_destructive_marks_and_multi_line_statements()
    {
        var diff = new SchemaDiff(
            [
                new SchemaChange("create table public.a", ["CREATE TABLE a (\n    id int\n)", "COMMENT ON TABLE a IS 'x'"]),
                new SchemaChange("drop table public.b", ["DROP TABLE b"]) { Destructive = "dropped table" },
                new SchemaChange("create function public.f", ["CREATE FUNCTION f() RETURNS int AS $$\r\nSELECT 1\rSELECT 2\r\n$$"]),
            ],
            ["SET x = 1"]);
        var lines = diff.ToScript().Split('\n');

        int[] expected = [-1, 0, 0, 0, 0, 1, 1, 2, 2, 2, 2, -1];
        var actual = Enumerable.Range(1, expected.Length).Select(diff.IndexOfChangeAtLine).ToArray();

        actual.ShouldBe(expected, string.Join(" | ", lines));
        diff.IndexOfChangeAtLine(0).ShouldBe(-1);
    }
}
