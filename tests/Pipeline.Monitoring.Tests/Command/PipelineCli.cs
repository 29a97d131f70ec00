using Pipeline.Testing.Processes;

namespace Pipeline.Monitoring.Tests.Command;

/// <summary>The real <c>pipeline</c> executable built beside these tests, run as a child process.</summary>
internal static class PipelineCli
{
#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    public static string RepositoryRoot { get; } = FindRoot();

    private static string DllPath => Path.Combine(RepositoryRoot, "src", "Pipeline.Host", "bin", Configuration, "net10.0", "pipeline.dll");

    public static ChildProcessOptions Options(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        new(ChildProcess.DotnetHostPath, [DllPath, .. arguments])
        {
            Environment = new Dictionary<string, string?>(environment) { ["DOTNET_gcServer"] = "0" },
        };

    public static Task<ProcessResult> RunAsync(IReadOnlyDictionary<string, string?> environment, params string[] arguments) =>
        ChildProcess.RunAsync(Options(environment, arguments), TimeSpan.FromSeconds(60));

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Pipeline.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new InvalidOperationException("Pipeline.sln not found above the test folder.");
    }
}
