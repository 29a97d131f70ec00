using System.Runtime.InteropServices;
using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// Builds the images of the local container path (no registry): a Debian base made with debootstrap, then
/// the application image from deploy/Containerfile with the host's .NET runtime and a fresh publish.
/// </summary>
internal static class LocalImages
{
    private static readonly TimeSpan BuildTimeout = TimeSpan.FromMinutes(10);
    private static readonly string[] AptSourceFiles = ["/etc/apt/sources.list.d/debian.sources", "/etc/apt/sources.list"];

    /// <summary>debootstrap (minbase + what .NET needs) imported as an image; about 1-2 minutes.</summary>
    public static async Task BuildBaseAsync(PodmanService podman, string tag, string workFolder)
    {
        var rootfs = Path.Combine(workFolder, "rootfs");
        await RunAsync("/usr/sbin/debootstrap",
            ["--variant=minbase", "--include=libicu72,libssl3,ca-certificates", "bookworm", rootfs, DebianMirror()]);
        Directory.Delete(Path.Combine(rootfs, "var/lib/apt/lists"), recursive: true);
        Directory.Delete(Path.Combine(rootfs, "var/cache/apt"), recursive: true);
        await RunAsync("/bin/sh", ["-c", "tar -C \"$1\" -c . | podman import - \"$2\"", "sh", rootfs, tag], podman.Environment);
        // The root file system belongs to root and holds device nodes: tar made the image, the folder can go.
        await RunAsync("/bin/rm", ["-rf", rootfs]);
    }

    /// <summary>Publishes the host and builds deploy/Containerfile on top of <paramref name="baseTag"/>.</summary>
    public static async Task BuildApplicationAsync(PodmanService podman, string baseTag, string tag, string workFolder)
    {
        var context = Path.Combine(workFolder, "context");
        Directory.CreateDirectory(Path.Combine(context, "deploy"));
        await RunAsync(ChildProcess.DotnetHostPath,
            ["publish", RepositoryFiles.PathOf("src/Pipeline.Host/Pipeline.Host.csproj"), "-c", "Release", "-o", Path.Combine(context, "app"), "--nologo", "-v", "quiet"]);

        // The runtime the tests run on, without the SDK: dotnet, host/ and shared/.
        var dotnetRoot = Path.GetFullPath(Path.Combine(RuntimeEnvironment.GetRuntimeDirectory(), "..", "..", ".."));
        Directory.CreateDirectory(Path.Combine(context, "dotnet"));
        await RunAsync("/bin/cp", ["-a",
            Path.Combine(dotnetRoot, "dotnet"), Path.Combine(dotnetRoot, "host"), Path.Combine(dotnetRoot, "shared"),
            Path.Combine(context, "dotnet")]);
        File.Copy(RepositoryFiles.PathOf("deploy/pipeline.sh"), Path.Combine(context, "deploy", "pipeline.sh"));
        File.Copy(RepositoryFiles.PathOf("deploy/healthcheck.sh"), Path.Combine(context, "deploy", "healthcheck.sh"));

        await RunAsync("/usr/bin/podman",
            ["build", "--quiet", "-f", RepositoryFiles.PathOf("deploy/Containerfile"), "--build-arg", "BASE_IMAGE=" + baseTag, "-t", tag, context],
            podman.Environment);
    }

    /// <summary>The mirror apt already uses on this machine (deb822 or classic sources), else Debian's own.</summary>
    private static string DebianMirror()
    {
        var sources = AptSourceFiles.Where(File.Exists);
        foreach (var line in sources.SelectMany(File.ReadLines))
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("URIs:", StringComparison.Ordinal) && !trimmed.Contains("security", StringComparison.Ordinal))
            {
                return trimmed["URIs:".Length..].Trim().Split(' ')[0];
            }

            if (trimmed.StartsWith("deb ", StringComparison.Ordinal) && !trimmed.Contains("security", StringComparison.Ordinal))
            {
                return trimmed.Split(' ', StringSplitOptions.RemoveEmptyEntries).First(p => p.Contains("://", StringComparison.Ordinal));
            }
        }

        return "http://deb.debian.org/debian";
    }

    private static async Task RunAsync(string program, IReadOnlyList<string> arguments, IReadOnlyDictionary<string, string?>? environment = null)
    {
        var result = await ChildProcess.RunAsync(
            new ChildProcessOptions(program, arguments) { Environment = environment ?? new Dictionary<string, string?>() },
            BuildTimeout);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} failed: {result}");
        }
    }
}
