using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Reflection;
using Strata.Errors;
using Strata.Sources;

namespace Strata.Code;

/// <summary>
/// C# migrations registered explicitly (trimming-safe), or found by the opt-in <see cref="FromAssembly"/> scan.
/// Combine it with SQL sources through <see cref="CompositeMigrationSource"/> to share one version order.
/// </summary>
public sealed class CodeMigrationSource : IMigrationSource
{
    private readonly IReadOnlyList<CodeMigration> _migrations;

    /// <summary>Registers <paramref name="migrations"/>.</summary>
    public CodeMigrationSource(params IEnumerable<CodeMigration> migrations)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        _migrations = migrations.ToList();
    }

    /// <summary>
    /// Every non-abstract <see cref="CodeMigration"/> in <paramref name="assembly"/> with a public parameterless
    /// constructor. Uses reflection: prefer the explicit constructor in trimmed or native AOT applications.
    /// </summary>
    [RequiresUnreferencedCode("Scans the assembly's types; register migrations explicitly in trimmed applications.")]
    public static CodeMigrationSource FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var found = assembly.GetTypes()
            .Where(t => t is { IsAbstract: false, IsClass: true } && t.IsSubclassOf(typeof(CodeMigration)) && t.GetConstructor(Type.EmptyTypes) is not null)
            .OrderBy(t => t.FullName, StringComparer.Ordinal)
            .Select(t => (CodeMigration)Activator.CreateInstance(t)!);
        return new CodeMigrationSource(found);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken)
    {
        var problems = _migrations
            .GroupBy(m => m.Version)
            .Where(g => g.Count() > 1)
            .Select(g => new Problem(
                g.Key.ToString(CultureInfo.InvariantCulture),
                "version used by more than one code migration: " + string.Join(" and ", g.Select(m => m.GetType().FullName))))
            .ToList();
        if (problems.Count > 0)
        {
            throw new MigrationSourceException(problems);
        }

        IReadOnlyList<Migration> result = _migrations.OrderBy(m => m.Version).Select(ToMigration).ToList();
        return Task.FromResult(result);
    }

    private static Migration ToMigration(CodeMigration code)
    {
        var path = code.GetType().FullName ?? code.GetType().Name;
        return new Migration
        {
            Version = code.Version,
            VersionText = code.Version.ToString(CultureInfo.InvariantCulture),
            Name = code.Name,
            Kind = MigrationKind.Versioned,
            Checksum = code.Checksum,
            Up = new CodeScript(code.UpAsync, path, code.Transactional),
            Down = code is ForwardOnlyCodeMigration ? null : new CodeScript(code.DownAsync, path, code.Transactional),
            Environments = code.Environments,
            SourcePath = path,
        };
    }
}
