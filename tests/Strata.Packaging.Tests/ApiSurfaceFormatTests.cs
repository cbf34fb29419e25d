using System.Reflection;
using Strata.Packaging.Tests.Api;

namespace Strata.Packaging.Tests;

public sealed class ApiSurfaceFormatTests
{
    private const string Samples = "Strata.Packaging.Tests.Api.ApiSamples";

    [Fact]
    public void A_class_lists_its_reachable_members_with_nullability_defaults_and_modifiers()
    {
        Describe(typeof(ApiSamples.Widget)).ShouldBe(
        [
            $"public class {Samples}.Widget",
            $"  protected Widget()",
            $"  public Widget(string name, string? label = null, int count = 3, {Samples}.Shade shade = {Samples}.Shade.Dark, System.Threading.CancellationToken token = default)",
            $"  public const int Limit = 10",
            $"  public int Count {{ get; protected set; }}",
            $"  public string? Label {{ get; init; }}",
            $"  public string Name {{ get; set; }}",
            $"  public {Samples}.Shade Tone {{ get; }}",
            $"  public event System.EventHandler? Changed",
            $"  public virtual T? Find<T>(params System.Collections.Generic.IEnumerable<string> keys) where T : class, new()",
            $"  public bool TryGet(in int key, ref string text, out string? found)",
        ]);
    }

    [Fact]
    public void A_derived_sealed_class_shows_its_base_overrides_and_required_members()
    {
        Describe(typeof(ApiSamples.Gadget)).ShouldBe(
        [
            $"public sealed class {Samples}.Gadget : {Samples}.Widget",
            $"  public Gadget()",
            $"  public required string Serial {{ get; init; }}",
            $"  public override T? Find<T>(params System.Collections.Generic.IEnumerable<string> keys) where T : class, new()",
        ]);
    }

    [Fact]
    public void Enums_delegates_interfaces_and_extension_methods_have_their_own_shapes()
    {
        Describe(typeof(ApiSamples.Shade)).ShouldBe([$"public enum {Samples}.Shade : byte", "  Light = 1", "  Dark = 2"]);
        Describe(typeof(ApiSamples.Loader)).ShouldBe(
            [$"public delegate System.Threading.Tasks.Task<string?> {Samples}.Loader(System.Uri? source, int attempts = 1)"]);
        Describe(typeof(ApiSamples.IShelf<>)).ShouldBe(
        [
            $"public interface {Samples}.IShelf<T> : System.Collections.Generic.IEnumerable<T>, System.Collections.IEnumerable where T : class",
            "  public T? Top { get; }",
        ]);
        Describe(typeof(ApiSamples)).ShouldBe([$"public static class {Samples}", "  public static int Twice(this int value)"]);
    }

    [Fact]
    public void The_diff_labels_a_removed_member_with_its_type_and_shows_additions()
    {
        var baseline = "# comment\n\npublic class A\n  public int X { get; }\n  public void Run()\n\npublic class B\n";
        var current = "# comment\n\npublic class A\n  public void Run()\n  public void Stop()\n\npublic class B\n\npublic class C\n";

        ApiDiff.Describe(baseline, current).ShouldBe(
            "  in public class A\n- public int X { get; }\n+ public void Stop()\n+ public class C\n");
        ApiDiff.Describe(baseline, "# other comment\n" + baseline).ShouldBe("");
    }

    [Fact]
    public void An_assembly_surface_starts_with_the_command_that_accepts_a_change()
    {
        var text = PublicApiSurface.Describe(typeof(Strata.Execution.Migrator).Assembly);

        text.ShouldStartWith("# Public API of Strata.dll");
        text.ShouldContain(PublicApiSurface.AcceptCommand);
        text.ShouldContain("\npublic sealed class Strata.Execution.Migrator\n");
        text.ShouldBe(PublicApiSurface.Describe(typeof(Strata.Execution.Migrator).Assembly));
    }

    private static IReadOnlyList<string> Describe(Type type) => ApiTypeSurface.Describe(type, new NullabilityInfoContext());
}
