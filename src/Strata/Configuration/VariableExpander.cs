using System.Text;
using Strata.Errors;

namespace Strata.Configuration;

/// <summary>
/// Expands <c>${NAME}</c> in a <c>strata.json</c> database value from the environment (process over <c>.env</c>).
/// The result is not expanded again, and nothing else is: <c>.env</c> values and environment variables are
/// always used verbatim. An undefined variable is an error naming it; the value itself is never quoted.
/// </summary>
internal static class VariableExpander
{
    /// <summary>Expands <paramref name="value"/>; <paramref name="where"/> names the setting in messages.</summary>
    public static string Expand(string value, EnvironmentVariables variables, string where)
    {
        if (!value.Contains("${", StringComparison.Ordinal))
        {
            return value;
        }

        var result = new StringBuilder();
        var i = 0;
        while (i < value.Length)
        {
            var start = value.IndexOf("${", i, StringComparison.Ordinal);
            if (start < 0)
            {
                result.Append(value, i, value.Length - i);
                break;
            }

            result.Append(value, i, start - i);
            var end = value.IndexOf('}', start + 2);
            var name = end < 0 ? "" : value[(start + 2)..end];
            if (!IsName(name))
            {
                throw new ConfigurationException(
                    $"{where} has a ${{…}} reference that is not closed or does not hold a variable name",
                    "write ${NAME}, with NAME made of letters, digits and underscores");
            }

            var replacement = variables.Get(name) ?? throw new ConfigurationException(
                $"{where} refers to ${{{name}}}, which is not set",
                $"set {name} in the environment or in .env, or choose another environment");
            result.Append(replacement);
            i = end + 1;
        }

        return result.ToString();
    }

    private static bool IsName(string name) =>
        name.Length > 0 && !char.IsAsciiDigit(name[0]) && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
}
