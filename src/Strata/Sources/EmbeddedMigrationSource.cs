using System.Reflection;
using Strata.Errors;

namespace Strata.Sources;

/// <summary>
/// Migrations shipped inside an assembly as manifest resources, so a published application carries its SQL files.
/// The migrations are the resources whose names start with the prefix; the rest of the name is the file name, and
/// every rule of <see cref="DirectoryMigrationSource"/> applies to it (names, duplicates, encodings, directives,
/// empty files, transaction statements), through the same loader. Created by the application at start-up and given
/// to the <c>Migrator</c>, alone or in a <see cref="CompositeMigrationSource"/>.
/// <para>
/// With an explicit logical name (recommended; the prefix is <c>migrations/</c>):
/// <code>
/// &lt;ItemGroup&gt;
///   &lt;EmbeddedResource Include="migrations/*.sql" LogicalName="migrations/%(Filename)%(Extension)" /&gt;
/// &lt;/ItemGroup&gt;
/// </code>
/// <c>new EmbeddedMigrationSource(typeof(Program).Assembly, "migrations/")</c>.
/// </para>
/// <para>
/// With MSBuild's default names, <c>&lt;RootNamespace&gt;.&lt;folder path with dots&gt;.&lt;file name&gt;</c>
/// (the prefix is <c>MyApp.Migrations.</c> for the file <c>Migrations/001_init.sql</c> of a project whose root
/// namespace is <c>MyApp</c>, embedded as <c>MyApp.Migrations.001_init.sql</c>):
/// <code>
/// &lt;ItemGroup&gt;
///   &lt;EmbeddedResource Include="Migrations/*.sql" /&gt;
/// &lt;/ItemGroup&gt;
/// </code>
/// <c>new EmbeddedMigrationSource(typeof(Program).Assembly, "MyApp.Migrations.")</c>. Default names cannot
/// tell a subfolder from a file name, so embed only the top level (<c>Migrations/*.sql</c>, not <c>**</c>):
/// <c>MyApp.Migrations.archive.001_old.sql</c> would be reported as misnamed.
/// </para>
/// <para>
/// Resources under the prefix that do not look like migrations (<c>README.md</c>) are ignored, and names that look
/// almost right (<c>V1__init.sql</c>, <c>3_x.SQL</c>) are errors, as in a folder. A name with a <c>/</c> or
/// <c>\</c> after the prefix is in a subfolder and is not read, unless that subfolder is named like a migration
/// (an error, as for a folder).
/// </para>
/// </summary>
public sealed class EmbeddedMigrationSource : IMigrationSource
{
    private readonly Assembly _assembly;
    private readonly string _prefix;
    private readonly string _assemblyName;
    private FileLimits _limits = FileLimits.Default;

    /// <summary>
    /// Reads the migrations embedded in <paramref name="assembly"/> under <paramref name="resourcePrefix"/>
    /// (case-sensitive, as resource names are; empty takes every resource). Throws
    /// <see cref="ArgumentException"/> for a dynamic assembly, which has no manifest resources.
    /// </summary>
    public EmbeddedMigrationSource(Assembly assembly, string resourcePrefix)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(resourcePrefix);
        if (assembly.IsDynamic)
        {
            throw new ArgumentException($"'{assembly.FullName}' is a dynamic assembly, which has no embedded resources; pass the assembly the migration files are embedded in", nameof(assembly));
        }

        _assembly = assembly;
        _prefix = resourcePrefix;
        _assemblyName = assembly.GetName().Name ?? assembly.FullName ?? "assembly";
    }

    /// <summary>
    /// Resources larger than this many bytes are streamed (validated, checksummed and parsed without being held as
    /// text, and read again statement by statement when they run); default 8 MiB, 0 streams every resource.
    /// </summary>
    public long StreamingThreshold
    {
        get => _limits.StreamingThreshold;
        init => _limits = _limits with { StreamingThreshold = value >= 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the streaming threshold is a number of bytes, 0 or more") };
    }

    /// <summary>When set, a resource larger than this many bytes is reported as a problem before it is read; null (the default) allows any size.</summary>
    public long? MaxFileSize
    {
        get => _limits.MaxFileSize;
        init => _limits = _limits with { MaxFileSize = value is null or > 0 ? value : throw new ArgumentOutOfRangeException(nameof(value), value, "the maximum file size is a number of bytes, more than 0") };
    }

    /// <summary>
    /// Loads every migration: versioned ones by numeric version, then repeatables by name; each is shown as
    /// <c>&lt;assembly name&gt;:&lt;resource name&gt;</c> in messages and history. Throws
    /// <see cref="ConfigurationException"/> when no resource name starts with the prefix (listing some resources the
    /// assembly has and how to embed files), and <see cref="MigrationSourceException"/> listing every problem found
    /// (misnamed resources, duplicate versions, invalid text, bad directives, psql-only commands) when there is any.
    /// </summary>
    public Task<IReadOnlyList<Migration>> LoadAsync(Dialect dialect, CancellationToken cancellationToken)
    {
        var all = _assembly.GetManifestResourceNames();
        var under = all.Where(n => n.StartsWith(_prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        if (under.Count == 0)
        {
            throw EmbeddedResourceHint.NoResources(_assemblyName, _prefix, all);
        }

        var problems = new List<Problem>();
        var files = new List<MigrationFileEntry>();
        var reportedFolders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var resource in under)
        {
            var fileName = resource[_prefix.Length..];
            var slash = fileName.IndexOfAny(['/', '\\']);
            if (slash < 0)
            {
                files.Add(new MigrationFileEntry(fileName, Shown(resource), limit => Read(resource, limit), () => Open(resource)));
                continue;
            }

            var folder = fileName[..slash];
            if (MigrationFileName.IsCandidate(folder) && reportedFolders.Add(folder))
            {
                problems.Add(new Problem(Shown(_prefix + folder), $"is a folder named like a migration; migrations are resources directly under '{_prefix}' (subfolders are not read)"));
            }
        }

        return MigrationFileLoader.LoadAsync(files, problems, dialect, _limits, cancellationToken);
    }

    private string Shown(string resource) => $"{_assemblyName}:{resource}";

    private Stream Open(string resource) =>
        _assembly.GetManifestResourceStream(resource) ?? throw new IOException($"the resource is no longer in assembly '{_assemblyName}'");

    /// <summary>The resource's size, and its bytes when it is at most <paramref name="inMemoryLimit"/> bytes (one open of the resource).</summary>
    private FileContent Read(string resource, long inMemoryLimit)
    {
        using var stream = Open(resource);
        if (stream.CanSeek && stream.Length > inMemoryLimit)
        {
            return new FileContent(stream.Length, null);
        }

        using var copy = new MemoryStream(stream.CanSeek ? (int)stream.Length : 0);
        stream.CopyTo(copy);
        return copy.Length > inMemoryLimit ? new FileContent(copy.Length, null) : FileContent.Of(copy.ToArray());
    }
}
