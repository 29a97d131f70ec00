using System.Security.Cryptography;
using Pipeline.Testing.Processes;

namespace Pipeline.Deploy.Tests.Containers;

/// <summary>
/// What every container test shares, made once per test class: Podman's private configuration, the debootstrapped
/// base image, the application image and Podman's Docker API service. Disposing stops the service and removes
/// both images and the build folder, each step even if an earlier one failed.
/// </summary>
public sealed class LocalContainerImages : IAsyncLifetime
{
    private readonly string _work = Directory.CreateTempSubdirectory("pipeline-images-").FullName;
    private PodmanService? _podman;

    public LocalContainerImages()
    {
        // tests/run.sh removes leftovers of a crashed run by this prefix (letters and digits only).
        var runId = new string((Environment.GetEnvironmentVariable("PIPELINE_TEST_RUN_ID") ?? string.Empty)
            .Where(char.IsAsciiLetterOrDigit).ToArray()).ToLowerInvariant();
        Id = runId + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        BaseTag = $"localhost/pipeline-test-base:{Id}";
        AppTag = $"localhost/pipeline-test:{Id}";
    }

    /// <summary>Unique per fixture; compose project names of the tests start with "pipelinetest" + this.</summary>
    public string Id { get; }

    public string BaseTag { get; }

    public string AppTag { get; }

    /// <summary>Why the container tests cannot run here, or null when they can.</summary>
    public static string? MissingPrerequisite =>
        Environment.UserName != "root"
            ? "The container tests run Podman as root (CI runs tests/run.sh as root)."
            : PodmanService.MissingTool;

    internal PodmanService Podman => _podman ?? throw new InvalidOperationException("The container images are not built.");

    public async Task InitializeAsync()
    {
        if (MissingPrerequisite is not null)
        {
            return;
        }

        _podman = await PodmanService.CreateAsync();
        await LocalImages.BuildBaseAsync(_podman, BaseTag, _work);
        await LocalImages.BuildApplicationAsync(_podman, BaseTag, AppTag, _work);
        await _podman.StartApiAsync();
    }

    public async Task DisposeAsync()
    {
        var failures = new List<Exception>();
        if (_podman is not null)
        {
            await Attempt(failures, () => _podman.RemoveProjectLeftoversAsync("pipelinetest" + Id));
            await Attempt(failures, () => _podman.PodmanAsync(["rmi", "--force", AppTag, BaseTag]));
            await Attempt(failures, async () => await _podman.DisposeAsync());
        }

        await Attempt(failures, () => ChildProcess.RunAsync(new ChildProcessOptions("/bin/rm", ["-rf", _work]), TimeSpan.FromMinutes(1)));
        if (failures.Count > 0)
        {
            throw new AggregateException("Removing the container test's images and service failed.", failures);
        }
    }

    private static async Task Attempt(List<Exception> failures, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is InvalidOperationException or TimeoutException or IOException)
        {
            failures.Add(ex);
        }
    }
}
