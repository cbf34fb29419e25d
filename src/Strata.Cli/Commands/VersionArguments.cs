using System.CommandLine;
using Strata.Planning;

namespace Strata.Cli.Commands;

/// <summary>Options and arguments that take a migration version (3, 003, 20240101120000 or 003_add_orders).</summary>
internal static class VersionArguments
{
    public static Option<long?> Create(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "version",
        CustomParser = result => ParseVersion(name, result),
    };

    /// <summary>An optional positional version (<c>strata baseline 42</c>).</summary>
    public static Argument<long?> Single(string name, string description) => new(name)
    {
        Description = description,
        HelpName = name,
        Arity = ArgumentArity.ZeroOrOne,
        CustomParser = result => ParseVersion(name, result),
    };

    private static long? ParseVersion(string name, System.CommandLine.Parsing.ArgumentResult result)
    {
        var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
        try
        {
            return MigrationReference.Parse(token).Version
                ?? throw new Errors.StrataException(Errors.ErrorCategory.BadInput, $"{name} takes a version, not a repeatable");
        }
        catch (Errors.StrataException ex)
        {
            result.AddError($"{name}: {ex.Message}");
            return null;
        }
    }

    public static Argument<string[]> Migrations(string description) => new("migrations")
    {
        Description = description,
        Arity = ArgumentArity.ZeroOrMore,
        HelpName = "version",
    };

    public static IReadOnlyList<MigrationReference> Parse(IEnumerable<string> values) => values.Select(MigrationReference.Parse).ToList();
}
