using System.Text.Json;
using Strata.Errors;

namespace Strata.Codegen;

/// <summary>
/// Reads strata.json's <c>codegen</c> section into <see cref="CodegenOptions"/>, checking every key and value: an
/// unknown key (with a suggestion), a wrong JSON type or a value outside its choices is bad input naming the key
/// (<c>codegen.csharp.naming</c>) and what it accepts. docs/codegen.md documents the section.
/// </summary>
public static class CodegenSettings
{
    /// <summary>A minimal section, shown when there is none.</summary>
    internal const string Example = "\"codegen\": { \"csharp\": { \"output\": \"Data/Generated\", \"namespace\": \"MyApp.Data\" }, \"typescript\": { \"output\": \"web/src/db.ts\" } }";

    private static readonly string[] RootKeys = ["include", "exclude", "csharp", "typescript", "types", "columns", "names"];
    private static readonly string[] CSharpKeys = ["output", "namespace", "naming", "files", "timestamptz", "dapper"];
    private static readonly string[] TypeScriptKeys = ["output", "naming", "bigint", "imports"];

    /// <summary>
    /// The options in <paramref name="section"/> for a schema of <paramref name="dialect"/>. <paramref name="file"/> names
    /// the configuration in messages (default <c>strata.json</c>). Throws <see cref="ConfigurationException"/> when the
    /// section is missing or wrong.
    /// </summary>
    public static CodegenOptions Read(JsonElement? section, Dialect dialect, string? file)
    {
        var reader = new SectionReader(file ?? "strata.json");
        if (section is not { } json || json.ValueKind == JsonValueKind.Null)
        {
            throw new ConfigurationException($"{reader.File} has no \"codegen\" section: nothing says what to generate", "add one, e.g. " + Example);
        }

        reader.Keys(json, "codegen", RootKeys);
        var options = new CodegenOptions
        {
            Dialect = dialect,
            Include = reader.Strings(json, "codegen", "include"),
            Exclude = reader.Strings(json, "codegen", "exclude"),
            CSharp = json.TryGetProperty("csharp", out var csharp) ? ReadCSharp(reader, csharp) : null,
            TypeScript = json.TryGetProperty("typescript", out var typescript) ? ReadTypeScript(reader, typescript) : null,
            Types = reader.Map(json, "codegen", "types", (value, key) => ReadTypeOverride(reader, value, key)),
            Columns = reader.Map(json, "codegen", "columns", (value, key) => ReadColumnOverride(reader, value, key)),
            Names = reader.Map(json, "codegen", "names", (value, key) => reader.String(value, key)),
        };
        Check(options, reader.File);
        return options;
    }

    /// <summary>Checks options built by hand like <see cref="Read"/> checks strata.json: at least one language, valid namespace and names.</summary>
    internal static void Check(CodegenOptions options, string where = "codegen options")
    {
        if (options.CSharp is null && options.TypeScript is null)
        {
            throw new ConfigurationException($"{where}: \"codegen\" asks for no language", "add \"csharp\" and/or \"typescript\", e.g. " + Example);
        }

        if (options.CSharp is { } csharp && csharp.Namespace.Split('.').Any(p => !IsIdentifier(p)))
        {
            throw new ConfigurationException($"{where}: \"codegen.csharp.namespace\" is \"{csharp.Namespace}\", not a C# namespace", "use dotted identifiers, e.g. \"namespace\": \"MyApp.Data\"");
        }

        if (options.CSharp is { } output && output.Output.Trim().Length == 0)
        {
            throw new ConfigurationException($"{where}: \"codegen.csharp.output\" is empty", "name the folder of the *.g.cs files, e.g. \"output\": \"Data/Generated\"");
        }

        if (options.TypeScript is { } typescript && !typescript.Output.EndsWith(".ts", StringComparison.Ordinal))
        {
            throw new ConfigurationException($"{where}: \"codegen.typescript.output\" must be a .ts file", "e.g. \"output\": \"src/db.ts\"");
        }

        foreach (var (key, name) in options.Names.Where(n => !IsIdentifier(n.Value)))
        {
            throw new ConfigurationException($"{where}: \"codegen.names.{key}\" must be a type name (letters, digits and _, not starting with a digit)", null);
        }
    }

    private static CSharpOptions ReadCSharp(SectionReader reader, JsonElement json)
    {
        const string At = "codegen.csharp";
        reader.Keys(json, At, CSharpKeys);
        var defaults = new CSharpOptions();
        return new CSharpOptions
        {
            Output = reader.OptionalString(json, At, "output") ?? defaults.Output,
            Namespace = reader.OptionalString(json, At, "namespace") ?? defaults.Namespace,
            Naming = reader.Choice(json, At, "naming", defaults.Naming, ("idiomatic", NamingStyle.Idiomatic), ("preserve", NamingStyle.Preserve)),
            Files = reader.Choice(json, At, "files", defaults.Files, ("schema", FileLayout.PerSchema), ("table", FileLayout.PerTable)),
            TimestampTz = reader.Choice(json, At, "timestamptz", defaults.TimestampTz, ("DateTime", TimestampTzType.DateTime), ("DateTimeOffset", TimestampTzType.DateTimeOffset)),
            Dapper = reader.Boolean(json, At, "dapper") ?? defaults.Dapper,
        };
    }

    private static TypeScriptOptions ReadTypeScript(SectionReader reader, JsonElement json)
    {
        const string At = "codegen.typescript";
        reader.Keys(json, At, TypeScriptKeys);
        var defaults = new TypeScriptOptions();
        return new TypeScriptOptions
        {
            Output = reader.OptionalString(json, At, "output") ?? defaults.Output,
            Naming = reader.Choice(json, At, "naming", defaults.Naming, ("preserve", NamingStyle.Preserve), ("idiomatic", NamingStyle.Idiomatic)),
            BigInt = reader.Choice(json, At, "bigint", defaults.BigInt, ("string", BigIntMode.Text), ("number", BigIntMode.Number), ("bigint", BigIntMode.BigInt)),
            Imports = reader.Map(json, At, "imports", (value, key) => reader.String(value, key)),
        };
    }

    private static TypeOverride ReadTypeOverride(SectionReader reader, JsonElement json, string at)
    {
        reader.Keys(json, at, ["csharp", "typescript"]);
        return new TypeOverride { CSharp = reader.OptionalString(json, at, "csharp"), TypeScript = reader.OptionalString(json, at, "typescript") };
    }

    private static ColumnOverride ReadColumnOverride(SectionReader reader, JsonElement json, string at)
    {
        reader.Keys(json, at, ["csharp", "typescript", "nullable"]);
        return new ColumnOverride
        {
            CSharp = reader.OptionalString(json, at, "csharp"),
            TypeScript = reader.OptionalString(json, at, "typescript"),
            Nullable = reader.Boolean(json, at, "nullable"),
        };
    }

    private static bool IsIdentifier(string text) =>
        text.Length > 0 && !char.IsDigit(text[0]) && text.All(c => char.IsLetterOrDigit(c) || c == '_');
}
