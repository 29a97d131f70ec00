using Pipeline.Host.Hosting;

namespace Pipeline.Host.Tests;

public sealed class MallocArenasTests
{
    [Fact]
    public void The_arena_limit_reaches_glibc_on_linux()
    {
        // The test machines and the container image are Debian: glibc's mallopt must accept the limit.
        Assert.Equal(OperatingSystem.IsLinux(), MallocArenas.Limit(2));
    }

    [Fact]
    public void Zero_leaves_the_c_library_alone() => Assert.False(MallocArenas.Limit(0));
}
