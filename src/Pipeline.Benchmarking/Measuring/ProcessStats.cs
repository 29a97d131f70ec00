using System.Globalization;

namespace Pipeline.Benchmarking.Measuring;

/// <summary>CPU time and memory of a running process, read from Linux's /proc.</summary>
public readonly record struct ProcessSample(TimeSpan CpuTime, long ResidentBytes, long PeakResidentBytes);

public static class ProcessStats
{
    // The kernel counts utime and stime in clock ticks; USER_HZ is 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100;

    /// <summary>User plus system CPU time, current and peak resident memory (VmRSS, VmHWM) of <paramref name="processId"/>.</summary>
    /// <exception cref="InvalidOperationException">The process is gone or /proc is not readable.</exception>
    public static ProcessSample Read(int processId)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/stat");
            var status = File.ReadAllLines($"/proc/{processId.ToString(CultureInfo.InvariantCulture)}/status");
            return new ProcessSample(CpuTimeOf(stat), KilobytesOf(status, "VmRSS:") * 1024, KilobytesOf(status, "VmHWM:") * 1024);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException($"Could not read /proc/{processId} (has the process exited?): {ex.Message}", ex);
        }
    }

    /// <summary>Fields 14 and 15 of /proc/PID/stat; the command name (field 2) may hold spaces, so fields are counted after its ')'.</summary>
    internal static TimeSpan CpuTimeOf(string stat)
    {
        var afterName = stat.AsSpan(stat.LastIndexOf(')') + 2);
        // afterName starts at field 3 (state); utime is field 14, i.e. the 12th from here.
        Span<Range> fields = stackalloc Range[14];
        var count = afterName.Split(fields, ' ');
        if (count < 13)
            throw new FormatException($"Unexpected /proc stat line: {stat}");
        var user = long.Parse(afterName[fields[11]], CultureInfo.InvariantCulture);
        var system = long.Parse(afterName[fields[12]], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds((user + system) / TicksPerSecond);
    }

    private static long KilobytesOf(string[] status, string field)
    {
        foreach (var line in status)
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var digits = line.AsSpan(field.Length).Trim();
            return long.Parse(digits[..digits.IndexOf(' ')], CultureInfo.InvariantCulture);
        }

        throw new FormatException($"/proc status has no {field} line.");
    }
}
