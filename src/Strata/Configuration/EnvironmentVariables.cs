namespace Strata.Configuration;

/// <summary>
/// The variables the resolver reads: the process environment (as passed in, so tests never touch the real one)
/// over the working directory's <c>.env</c>, variable by variable, as dotenv tools do. An empty value counts as
/// unset. Each lookup also says which layer answered, for <c>--verbose</c>.
/// </summary>
public sealed class EnvironmentVariables
{
    /// <summary>The label of the process-environment layer.</summary>
    public const string ProcessLayer = "environment";

    private readonly IReadOnlyDictionary<string, string> _process;
    private readonly IReadOnlyDictionary<string, string> _dotEnv;

    /// <summary>Creates the view.</summary>
    public EnvironmentVariables(IReadOnlyDictionary<string, string> process, IReadOnlyDictionary<string, string> dotEnv)
    {
        _process = process;
        _dotEnv = dotEnv;
    }

    /// <summary>The layers, highest first: the process environment, then <c>.env</c>.</summary>
    public static IReadOnlyList<string> Layers { get; } = [ProcessLayer, DotEnvFile.FileName];

    /// <summary>True when <paramref name="layer"/> itself sets <paramref name="name"/> to a non-empty value.</summary>
    public bool TryGetIn(string layer, string name, out string value)
    {
        var source = layer == ProcessLayer ? _process : _dotEnv;
        value = source.TryGetValue(name, out var found) ? found : "";
        return value.Length > 0;
    }

    /// <summary>The value of <paramref name="name"/>, or null when neither layer sets it (or sets it empty).</summary>
    public string? Get(string name) => TryGet(name, out var value, out _) ? value : null;

    /// <summary>True when <paramref name="name"/> is set; <paramref name="layer"/> is <c>environment</c> or <c>.env</c>.</summary>
    public bool TryGet(string name, out string value, out string layer)
    {
        if (_process.TryGetValue(name, out var fromProcess) && !string.IsNullOrEmpty(fromProcess))
        {
            (value, layer) = (fromProcess, ProcessLayer);
            return true;
        }

        if (_dotEnv.TryGetValue(name, out var fromFile) && !string.IsNullOrEmpty(fromFile))
        {
            (value, layer) = (fromFile, DotEnvFile.FileName);
            return true;
        }

        (value, layer) = ("", "");
        return false;
    }

    /// <summary>"NAME (layer)" for a variable that is set, for origins and error prefixes.</summary>
    public string Describe(string name) => TryGet(name, out _, out var layer) ? $"{name} ({layer})" : name;
}
