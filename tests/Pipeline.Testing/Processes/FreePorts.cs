namespace Pipeline.Testing.Processes;

/// <summary>Finds TCP ports nobody listens on; see <see cref="LocalServers.FreePorts"/>.</summary>
public static class FreePorts
{
    public static IReadOnlyList<int> Take(int count) => LocalServers.FreePorts.Take(count);
}
