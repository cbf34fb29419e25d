using Strata.Errors;
using Strata.Sources;

namespace Strata.Planning;

/// <summary>
/// Checks the names in <c>-- strata:env</c> headers against the environments a project declares (strata.json
/// <c>environments</c>): a typo such as <c>developmnet</c> would otherwise skip the migration everywhere, silently.
/// Called by <c>validate</c> and by the linter (rule <c>unknown-environment</c>).
/// </summary>
public static class EnvironmentGates
{
    /// <summary>
    /// One problem per undeclared name in <paramref name="migrations"/>' headers, naming the file and, when one is
    /// close, the declared name it likely meant. Names compare without case, as the gate does.
    /// </summary>
    public static IReadOnlyList<Problem> Check(IEnumerable<Migration> migrations, IReadOnlyCollection<string> declared)
    {
        ArgumentNullException.ThrowIfNull(migrations);
        ArgumentNullException.ThrowIfNull(declared);
        var problems = new List<Problem>();
        foreach (var migration in migrations)
        {
            foreach (var name in migration.Environments.Where(n => !declared.Contains(n, StringComparer.OrdinalIgnoreCase)))
            {
                problems.Add(new Problem(migration.SourcePath, Describe(name, declared)));
            }
        }

        return problems;
    }

    /// <summary>"-- strata:env names 'developmnet', an environment strata.json does not declare; did you mean 'development'?"</summary>
    public static string Describe(string name, IReadOnlyCollection<string> declared)
    {
        ArgumentNullException.ThrowIfNull(declared);
        var nearest = declared.OrderBy(d => Distance(name.ToLowerInvariant(), d.ToLowerInvariant())).FirstOrDefault();
        var suggestion = nearest is not null && Distance(name.ToLowerInvariant(), nearest.ToLowerInvariant()) <= Math.Max(2, name.Length / 3)
            ? $"; did you mean '{nearest}'?"
            : declared.Count == 0 ? "; strata.json declares none" : $" (declared: {string.Join(", ", declared.Order(StringComparer.Ordinal))})";
        return $"-- strata:env names '{name}', an environment strata.json does not declare{suggestion}";
    }

    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }
}
