using System.Runtime.InteropServices;

namespace Pipeline.Host.Hosting;

/// <summary>
/// Caps glibc's malloc arenas. glibc gives a thread that finds the shared arena busy an arena of its own (up to
/// eight per core) and keeps what is freed there for that arena alone. SQLite's page caches and the runtime's
/// native buffers are allocated from many thread-pool threads, so a worker's resident memory grew with the
/// number of threads that ever touched them: embedded, 5,000 articles, peak RSS 230-236 MB with glibc's default
/// and 214-222 MB with two arenas, at the same throughput.
/// </summary>
public static partial class MallocArenas
{
    /// <summary>mallopt's parameter number for the arena limit (malloc.h).</summary>
    private const int ArenaMax = -8;

    /// <summary>Applies the limit; false where there is no glibc (another C library, or not Linux) or it refused.</summary>
    public static bool Limit(int arenas)
    {
        if (arenas <= 0 || !OperatingSystem.IsLinux())
            return false;
        try
        {
            return Mallopt(ArenaMax, arenas) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            // musl (Alpine) has no mallopt and no per-thread arenas to cap.
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);
}
