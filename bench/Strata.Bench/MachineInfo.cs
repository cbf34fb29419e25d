using System.Globalization;
using System.Runtime.InteropServices;

namespace Strata.Bench;

/// <summary>What the figures were measured on: host, CPUs, load average (the machine may be shared), runtime.</summary>
internal static class MachineInfo
{
    public static string Host => Environment.MachineName;

    public static int CpuCount => Environment.ProcessorCount;

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg, or "unknown" off Linux.</summary>
    public static string LoadAverage()
    {
        const string file = "/proc/loadavg";
        return File.Exists(file) ? string.Join(' ', File.ReadAllText(file).Split(' ').Take(3)) : "unknown";
    }

    public static string Runtime => $"{RuntimeInformation.FrameworkDescription} on {RuntimeInformation.OSDescription} ({RuntimeInformation.OSArchitecture})";

    public static string CpuModel()
    {
        const string file = "/proc/cpuinfo";
        var line = File.Exists(file) ? File.ReadLines(file).FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal)) : null;
        return line?.Split(':', 2)[1].Trim() ?? "unknown";
    }

    public static string Stamp(DateTimeOffset when) => when.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
