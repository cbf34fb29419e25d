using System.CommandLine;
using System.CommandLine.Parsing;

namespace Strata.Cli.Infrastructure;

/// <summary>
/// Turns System.CommandLine's parse errors into the lines the user sees: a mistyped or foreign command name
/// (<c>migrat</c>, <c>stauts</c>, Knex's <c>migrate:latest</c>) is one line with "did you mean `migrate`?",
/// a mistyped option names the command and the nearest option, and an unexpected argument says what the command
/// takes instead. Everything else keeps System.CommandLine's text in words (<see cref="ParseErrorText"/>).
/// </summary>
internal static class UsageErrors
{
    public static IReadOnlyList<string> Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var unmatched = parse.UnmatchedTokens;
        if (command.Subcommands.Count > 0 && unmatched.Count > 0 && !unmatched[0].StartsWith('-'))
        {
            return [UnknownCommand(command, unmatched[0])];
        }

        // An unknown option before an argument (`rollback --step 2`) is taken as that argument's value: report it as
        // the option it looks like, and leave out the value that followed it.
        var options = parse.Tokens.Where(t => t.Type == TokenType.Argument && LooksLikeOption(t.Value)).Select(t => t.Value)
            .Concat(unmatched.Where(LooksLikeOption)).Distinct(StringComparer.Ordinal).ToList();
        var lines = options.Select(o => UnknownOption(command, o, ValueAfter(parse, o))).ToList();
        if (options.Count == 0)
        {
            lines.AddRange(unmatched.Select(token => UnexpectedArgument(command, token)));
        }

        foreach (var error in parse.Errors)
        {
            var explained = unmatched.Concat(options).Any(t => error.Message.Contains($"'{t}'", StringComparison.Ordinal))
                || (unmatched.Count > 0 && error.Message.StartsWith("Required command", StringComparison.Ordinal));
            if (!explained)
            {
                lines.Add(ParseErrorText.Friendly(error.Message));
            }
        }

        return lines;
    }

    private static bool LooksLikeOption(string token) => token.Length > 1 && token[0] == '-' && !char.IsAsciiDigit(token[1]);

    private static string UnknownCommand(Command parent, string token)
    {
        var path = CommandPath(parent);
        var suggestion = CommandSuggestions.For(parent, token);
        return suggestion is null
            ? $"unknown command '{token}': run `{path}--help` for the list of commands"
            : $"unknown command '{token}'{suggestion.Origin}: did you mean `{path["strata ".Length..]}{suggestion.Text}`?";
    }

    private static string? ValueAfter(ParseResult parse, string option)
    {
        var tokens = parse.Tokens.Select(t => t.Value).ToList();
        var at = tokens.IndexOf(option);
        return at >= 0 && at + 1 < tokens.Count && tokens[at + 1].All(char.IsAsciiDigit) ? tokens[at + 1] : null;
    }

    private static string UnknownOption(Command command, string token, string? value)
    {
        var name = token.Split('=', ':')[0];
        var path = CommandPath(command).TrimEnd();
        var options = AllOptions(command).SelectMany(o => o.Aliases.Append(o.Name)).Distinct(StringComparer.Ordinal).ToList();
        var nearest = CommandSuggestions.Nearest(name, options);
        if (nearest is not null)
        {
            return $"unknown option '{name}' for `{path}`: did you mean `{nearest}`?";
        }

        // A runner's flag for what is a command here (the custom runner's `migrate --rollback 2`, `--status`).
        var asCommand = CommandSuggestions.For(RootOf(command), name.TrimStart('-'));
        return asCommand is null
            ? $"unknown option '{name}' for `{path}`: run `{path} --help` to see its options"
            : $"unknown option '{name}' for `{path}`: did you mean the command `strata {asCommand.Text}{(value is null ? "" : " " + value)}`?";
    }

    private static string UnexpectedArgument(Command command, string token)
    {
        var path = CommandPath(command).TrimEnd();
        var hint = command.Name switch
        {
            "migrate" => $"to apply up to a version use `strata migrate --target {token}`",
            "status" or "validate" => "it takes no arguments",
            _ => $"run `{path} --help` to see what it takes",
        };
        return $"`{path}` does not take the argument '{token}': {hint}";
    }

    private static IEnumerable<Option> AllOptions(Command command)
    {
        foreach (var option in command.Options)
        {
            yield return option;
        }

        foreach (var parent in Ancestors(command))
        {
            foreach (var option in parent.Options.Where(o => o.Recursive))
            {
                yield return option;
            }
        }
    }

    private static IEnumerable<Command> Ancestors(Command command)
    {
        for (var parent = command.Parents.OfType<Command>().FirstOrDefault(); parent is not null; parent = parent.Parents.OfType<Command>().FirstOrDefault())
        {
            yield return parent;
        }
    }

    private static Command RootOf(Command command) => Ancestors(command).LastOrDefault() ?? command;

    /// <summary>"strata " for the root, "strata test-db " for a subcommand's children.</summary>
    private static string CommandPath(Command command)
    {
        var names = Ancestors(command).Reverse().Skip(1).Select(c => c.Name).Append(command is RootCommand ? null : command.Name);
        return "strata " + string.Concat(names.OfType<string>().Select(n => n + " "));
    }
}
