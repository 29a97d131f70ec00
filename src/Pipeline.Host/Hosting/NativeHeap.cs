using System.Runtime.InteropServices;

namespace Pipeline.Host.Hosting;

/// <summary>
/// The two levers glibc's malloc gives a long-running process over the native memory it holds on to. SQLite's page
/// caches and full-text buffers, OpenSSL's hashing and the runtime's own tables live there, outside the GC's reach.
/// </summary>
public static partial class NativeHeap
{
    /// <summary>mallopt's parameter number for the arena limit (malloc.h).</summary>
    private const int ArenaMax = -8;

    /// <summary>
    /// Caps glibc's malloc arenas. glibc gives a thread that finds the shared arena busy an arena of its own (up to
    /// eight per core) and keeps what is freed there for that arena alone. The native buffers above are allocated
    /// from many thread-pool threads, so a worker's resident memory grew with the number of threads that ever
    /// touched them: embedded, 5,000 articles, peak RSS 230-236 MB with glibc's default and 214-222 MB with two
    /// arenas, at the same throughput. False where there is no glibc (another C library, or not Linux) or it refused.
    /// </summary>
    public static bool LimitArenas(int arenas)
    {
        if (arenas <= 0 || !OperatingSystem.IsLinux())
            return false;
        try
        {
            return Mallopt(ArenaMax, arenas) == 1;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            // musl (Alpine) has no mallopt and no per-thread arenas to cap.
            return false;
        }
    }

    /// <summary>
    /// Hands the whole free pages inside malloc's arenas back to the kernel. glibc returns memory on its own only
    /// from the top of an arena; what is freed below a chunk still in use stays resident. Under load the embedded
    /// pipeline's main arena held 25 MB of which 13.7 MB was free, in about 5,000 holes (malloc_info), and one
    /// call took its resident set from 199 to 181 MB. <paramref name="released"/> says whether any memory went
    /// back; false is returned where there is no glibc to ask (another C library, or not Linux).
    /// </summary>
    public static bool TryTrim(out bool released)
    {
        released = false;
        if (!OperatingSystem.IsLinux())
            return false;
        try
        {
            released = MallocTrim(0) == 1;
            return true;
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int Mallopt(int parameter, int value);

    [LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);
}
