namespace Pipeline.Testing.Processes;

/// <summary>Finds and kills what a private server left behind; see <see cref="LocalServers.LeftoverProcesses"/>.</summary>
public static class LeftoverProcesses
{
    public static IReadOnlyList<int> FindByEnvironmentMarker(string marker) =>
        LocalServers.LeftoverProcesses.FindByEnvironmentMarker(marker);

    public static IReadOnlyList<int> KillByEnvironmentMarker(string marker) =>
        LocalServers.LeftoverProcesses.KillByEnvironmentMarker(marker);
}
