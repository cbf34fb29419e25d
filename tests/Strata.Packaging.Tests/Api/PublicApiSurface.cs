using System.Reflection;
using System.Text;

namespace Strata.Packaging.Tests.Api;

/// <summary>
/// The public API of an assembly as the text of its baseline file: a comment header, then every exported type
/// (sorted by name, a blank line between them) as <see cref="ApiTypeSurface"/> writes it. The same assembly always
/// gives the same text, byte for byte.
/// </summary>
internal static class PublicApiSurface
{
    /// <summary>The command that rewrites the baselines; printed in every failure.</summary>
    public const string AcceptCommand = "STRATA_ACCEPT_API=1 dotnet test tests/Strata.Packaging.Tests --filter FullyQualifiedName~PublicApi";

    /// <summary>The baseline text of <paramref name="assembly"/>.</summary>
    public static string Describe(Assembly assembly)
    {
        var name = assembly.GetName().Name;
        var text = new StringBuilder()
            .Append("# Public API of ").Append(name).Append(".dll: every public and protected type and member, sorted.\n")
            .Append("# tests/Strata.Packaging.Tests fails when the assembly differs from this file. To accept an intended change:\n")
            .Append("#   ").Append(AcceptCommand).Append('\n');
        var context = new NullabilityInfoContext();
        foreach (var type in assembly.GetExportedTypes().OrderBy(ApiTypeNames.Declaration, StringComparer.Ordinal))
        {
            text.Append('\n');
            foreach (var line in ApiTypeSurface.Describe(type, context))
            {
                text.Append(line).Append('\n');
            }
        }

        return text.ToString();
    }
}
