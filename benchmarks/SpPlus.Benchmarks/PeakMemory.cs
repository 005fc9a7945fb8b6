using System.Diagnostics;
using System.Globalization;

namespace SpPlus.Benchmarks;

/// <summary>The process's peak working set: VmHWM of /proc/self/status on Linux, the process counter elsewhere.</summary>
public static class PeakMemory
{
    public static long Bytes()
    {
        const string StatusFile = "/proc/self/status";
        if (OperatingSystem.IsLinux() && File.Exists(StatusFile))
        {
            foreach (var line in File.ReadLines(StatusFile))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    // "VmHWM:	  123456 kB"
                    var kilobytes = line["VmHWM:".Length..].Trim().Split(' ')[0];
                    return long.Parse(kilobytes, CultureInfo.InvariantCulture) * 1024;
                }
            }
        }

        using var process = Process.GetCurrentProcess();
        process.Refresh();
        return process.PeakWorkingSet64;
    }
}
